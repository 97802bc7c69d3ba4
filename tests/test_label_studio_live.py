"""The Label Studio round trip against a real Label Studio: `label-studio` from PyPI in its own venv
(it pins many packages), started once for this module on 127.0.0.1.

`.ci/run` installs it and sets CLAIMX_LABEL_STUDIO to its `label-studio` command; elsewhere the
tests are skipped unless that variable is set.
"""

import json
import os
import socket
import subprocess
import time

import pytest
from click.testing import CliRunner

from claimx.cli import main
from claimx.review import ReviewStore, default_store_path, load_records

COMMAND = os.environ.get("CLAIMX_LABEL_STUDIO")
EMAIL, PASSWORD = "reviewer@example.org", "claimx-test-password"
ARTICLE = (
    "Magnesium och migrän\n"
    "Magnesium kan minska antalet migränanfall hos vuxna.\n"
    "I en studie fick deltagarna 400 mg magnesium dagligen i 8 veckor.\n"
    "Höga doser magnesium ger ofta diarré.\n"
)
START_TIMEOUT = 600  # seconds: the first start migrates a new database


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory):
    """A logged-in session on a fresh Label Studio, and its base URL."""
    if not COMMAND:
        if os.environ.get("CI"):
            pytest.fail("CI must run the Label Studio round trip: .ci/run sets CLAIMX_LABEL_STUDIO")
        pytest.skip("set CLAIMX_LABEL_STUDIO to a label-studio command (pip install label-studio in its own venv)")
    import requests

    data = tmp_path_factory.mktemp("label-studio")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(data), "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true"}
    log = open(data / "server.log", "w")  # noqa: SIM115  (open while the server runs)
    server = subprocess.Popen(
        [COMMAND, "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(port),
         "--data-dir", str(data), "--username", EMAIL, "--password", PASSWORD],
        stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if requests.get(f"{base}/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("Label Studio did not start:\n" + (data / "server.log").read_text()[-3000:])
            time.sleep(2)
        session = requests.Session()
        session.get(f"{base}/user/login/", timeout=30)
        session.post(f"{base}/user/login/", data={"email": EMAIL, "password": PASSWORD,
                                                  "csrfmiddlewaretoken": session.cookies.get("csrftoken")},
                     headers={"Referer": base}, timeout=30)
        session.headers.update({"X-CSRFToken": session.cookies.get("csrftoken"), "Referer": base})
        assert session.get(f"{base}/api/current-user/whoami", timeout=30).json()["email"] == EMAIL
        yield session, base
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def project(label_studio, tmp_path_factory):
    """claimx's output on one article, exported and imported into a new Label Studio project."""
    session, base = label_studio
    work = tmp_path_factory.mktemp("claims")
    (work / "in").mkdir()
    (work / "in" / "mag.txt").write_text(ARTICLE, "utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["run", str(work / "in"), "-o", str(work / "claims.jsonl"), "-j", "1"]).exit_code == 0
    result = runner.invoke(main, ["export", str(work / "claims.jsonl"), "--format", "label-studio",
                                  "-o", str(work / "tasks.json")])
    assert result.exit_code == 0, result.output
    config = (work / "tasks.label-config.xml").read_text("utf-8")
    created = session.post(f"{base}/api/projects", json={"title": "claimx", "label_config": config}, timeout=60)
    assert created.status_code == 201, created.text
    pid = created.json()["id"]
    tasks = json.loads((work / "tasks.json").read_text("utf-8"))
    imported = session.post(f"{base}/api/projects/{pid}/import", json=tasks, timeout=60)
    assert imported.status_code == 201, imported.text
    return work, pid, tasks


def _stored_tasks(session, base, pid):
    listed = session.get(f"{base}/api/tasks", params={"project": pid, "fields": "all"}, timeout=60).json()
    return listed["tasks"] if isinstance(listed, dict) else listed


def test_label_studio_stores_every_span_on_the_right_characters(label_studio, project):
    session, base = label_studio
    _, pid, tasks = project
    [stored] = _stored_tasks(session, base, pid)
    assert stored["data"]["text"] == ARTICLE
    results = stored["predictions"][0]["result"]
    regions = [r for r in results if r["type"] in ("labels", "choices")]
    assert len(regions) == len([r for r in tasks[0]["predictions"][0]["result"] if r["type"] != "relation"])
    for region in regions:
        value = region["value"]
        assert ARTICLE[value["start"]:value["end"]] == value["text"]
    assert {r["from_name"] for r in results if r["type"] == "choices"} == {"polarity", "certainty"}


def test_annotation_round_trip_loses_nothing(label_studio, project):
    session, base = label_studio
    work, pid, _ = project
    [stored] = _stored_tasks(session, base, pid)
    result = json.loads(json.dumps(stored["predictions"][0]["result"]))
    entries = stored["data"]["claimx_claims"]
    regions = {r["id"]: r for r in result if r["type"] == "labels"}

    def claim_with(word):
        return next(e for e in entries if e.get("head") and word in regions[e["spans"][e["head"]]]["value"]["text"])

    accepted, widened, flipped = claim_with("400 mg"), claim_with("migränanfall"), claim_with("diarré")
    start = ARTICLE.index("antalet migränanfall")
    for r in result:
        if r["id"] == widened["spans"]["CONDITION"] and r["type"] in ("labels", "choices"):
            r["value"].update(start=start, text=ARTICLE[start:r["value"]["end"]])
        if r["id"] == flipped["spans"]["CONDITION"] and r.get("from_name") == "polarity":
            r["value"]["choices"] = ["benefit"]
    posted = session.post(f"{base}/api/tasks/{stored['id']}/annotations", json={"result": result}, timeout=60)
    assert posted.status_code == 201, posted.text
    # A snapshot export with the annotators expanded: it carries their e-mails.
    export = session.post(f"{base}/api/projects/{pid}/exports", timeout=60, json={
        "title": "claimx round trip", "serialization_options": {"annotations__completed_by": {"only_id": False}}})
    assert export.status_code == 201, export.text
    eid = export.json()["id"]
    for _ in range(60):
        if session.get(f"{base}/api/projects/{pid}/exports/{eid}", timeout=60).json().get("status") == "completed":
            break
        time.sleep(1)
    download = session.get(f"{base}/api/projects/{pid}/exports/{eid}/download", params={"exportType": "JSON"},
                           timeout=60)
    (work / "ls-export.json").write_bytes(download.content)
    imported = CliRunner().invoke(main, ["import-reviews", str(work / "claims.jsonl"),
                                         str(work / "ls-export.json")])
    assert imported.exit_code == 0, imported.output
    with ReviewStore(default_store_path(work / "claims.jsonl")) as store:
        decisions = {d.claim_id: d for d in store.all()}
    assert decisions[accepted["claim_id"]].decision == "accepted"
    assert decisions[widened["claim_id"]].decision == "corrected"
    assert decisions[widened["claim_id"]].corrections == {
        "condition.start": start, "condition.end": ARTICLE.index("migränanfall") + len("migränanfall"),
        "condition.text": "antalet migränanfall"}
    assert decisions[flipped["claim_id"]].corrections == {"polarity": "benefit"}
    assert {d.reviewer for d in decisions.values()} == {EMAIL}
    claims = {c.id for r in load_records(work / "claims.jsonl") for c in r.claims}
    assert set(decisions) == claims  # every claim decided: none lost, none unknown
    rows = [json.loads(line) for line in CliRunner().invoke(main, [
        "export", str(work / "claims.jsonl"), "--format", "jsonl", "--only", "accepted"]).stdout.splitlines()]
    by_id = {r["claim_id"]: r for r in rows}
    assert by_id[flipped["claim_id"]]["polarity"] == "benefit"
    assert by_id[widened["claim_id"]]["condition_text"] == "antalet migränanfall"
