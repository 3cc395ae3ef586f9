"""End-to-end test of skjenk's web application in a real browser (Chromium via Selenium).

Drives a running server through the work of the three roles, saves a screenshot of every page
and checks each page with axe-core, failing on serious or critical WCAG 2.1 AA violations; each
page is also laid out 390 px wide (a phone), must fit the screen there, and is photographed again.
Run by Tests/EndToEnd/run.sh, which starts the server with sample data.

    python browser_test.py BASE_URL SCREENSHOT_DIR HEARING_XML
"""
import datetime
import http.cookiejar
import os
import sys
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait

BASE, SHOTS, HEARING = sys.argv[1], sys.argv[2], sys.argv[3]
PASSWORD = os.environ["SKJENK_E2E_PASSWORD"]
os.makedirs(SHOTS, exist_ok=True)

options = webdriver.ChromeOptions()
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=nb"):
    options.add_argument(argument)
service = webdriver.ChromeService(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
driver = webdriver.Chrome(options=options, service=service)
driver.implicitly_wait(5)
driver.set_script_timeout(60)
shot = 0
problems = []
checked_rules = 0


WIDE = (1366, 900)
NARROW = (390, 844)
# The elements reaching past the right edge, for the problem's message.
OVERFLOWING = """
var out = [];
document.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.right > window.innerWidth + 0.5 && out.length < 5) {
        out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ' ' + Math.round(r.right) + ' px');
    }
});
return out;
"""


def page(name):
    """Screenshot, accessibility check and the narrow screen's check of the current page."""
    global shot
    shot += 1
    driver.save_screenshot(os.path.join(SHOTS, f"{shot:02d}-{name}.png"))
    accessibility(name)
    narrow(name)


def narrow(name):
    """At 390 px the page is no wider than the screen (issue 19, item 7); screenshot `NN-name-390.png`."""
    driver.set_window_size(*NARROW)
    try:
        scroll, inner = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth];")
        if inner > NARROW[0]:
            problems.append(f"{name}: the window did not narrow to {NARROW[0]} px (inner width {inner} px)")
        if scroll > inner:
            wide = ", ".join(driver.execute_script(OVERFLOWING))
            problems.append(f"{name}: {scroll} px wide on a {inner} px screen ({wide})")
        driver.save_screenshot(os.path.join(SHOTS, f"{shot:02d}-{name}-390.png"))
    finally:
        driver.set_window_size(*WIDE)


def accessibility(name):
    """axe-core's serious and critical WCAG 2.1 A/AA findings on the current page."""
    global checked_rules
    Axe(driver).inject()
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document)"
        ".then(function (r) { done(r); }).catch(function (e) { done({error: String(e)}); });")
    if "error" in results:
        problems.append(f"{name}: axe-core failed: {results['error']}")
        return
    checked_rules += len(results["passes"]) + len(results["violations"])
    # WCAG 2.0/2.1 A and AA rules (older axe-core builds tag 2.1 rules only as wcag21*, newer both).
    wcag = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}
    for violation in results["violations"]:
        if violation["impact"] in ("serious", "critical") and wcag & set(violation.get("tags", [])):
            problems.append(f"{name}: {violation['id']} ({violation['impact']}): {violation['help']}")


def wait_for(text, message):
    """Waits for `text` on the page (a click's navigation finishes on its own time)."""
    try:
        WebDriverWait(driver, 15).until(lambda d: text in d.page_source)
    except Exception:
        expect(False, message)


def expect(condition, message):
    if not condition:
        driver.save_screenshot(os.path.join(SHOTS, "feil.png"))
        raise AssertionError(message + f" (at {driver.current_url})")


def sign_in(name):
    driver.get(BASE + "/logg-inn")
    page(f"logg-inn-{name}")
    driver.find_element(By.ID, "navn").send_keys(name)
    driver.find_element(By.ID, "passord").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    wait_for(f"{name} (", f"{name} is signed in")


def open_for_review(name, shots=False):
    """Signs in as `name` and opens the draft of 2026/05350 from the review queue."""
    sign_in(name)
    driver.get(BASE + "/behandling")
    if shots:
        page("til-behandling")
    driver.find_element(By.LINK_TEXT, "2026/05350").click()
    if shots:
        page("behandling")


def task_states():
    """The case page's task list (issue 19, item 2): each step's state, in order."""
    return [e.get_attribute("class").split("oppgave-")[-1]
            for e in driver.find_elements(By.CSS_SELECTOR, "ol.oppgaver li.oppgave")]


def desk_cases():
    """The case numbers the desk lists."""
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "td[data-label=Saksnummer] a")]


def sign_out():
    # The header is found again if the page was still being replaced (a stale element).
    for attempt in range(3):
        try:
            driver.find_element(By.CSS_SELECTOR, "header form button").click()
            break
        except StaleElementReferenceException:
            if attempt == 2:
                raise
    wait_for("Brukernavn", "signed out")


try:
    # Staff: upload a hearing, open it, draft, send for review.
    sign_in("kari")
    driver.get(BASE + "/saker")
    page("hoeringer")
    driver.find_element(By.ID, "fil").send_keys(HEARING)
    driver.find_element(By.CSS_SELECTOR, "form[action='/saker/import'] button").click()
    wait_for("5 nye", "the hearing file was imported")
    page("hoeringer-lastet-opp")
    # The desk (issue 19, item 1): each new case assessed at upload, its risk and stage as tags.
    row = "//tr[.//a[text()='2026/05350']]"
    risk = driver.find_element(By.XPATH, row + "//span[contains(@class, 'merke-risiko-')]")
    expect("merke-risiko-ukjent" not in risk.get_attribute("class") and risk.text.endswith("risiko"),
           f"the desk shows the uploaded case's risk level («{risk.text}»)")
    expect(driver.find_element(By.XPATH, row + "//td[@data-label='Uttalelse']").text == "ikke påbegynt",
           "the desk shows that no statement is begun")
    driver.find_element(By.LINK_TEXT, "2026/05350").click()
    wait_for("Risikovurdering", "the assessment is shown")
    expect(task_states() == ["next", "waiting", "waiting", "waiting", "waiting"],
           f"the task list starts at the assessment ({task_states()})")
    page("hoering")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/utkast'] button").click()
    wait_for("Utkast versjon 1 er lagret", "a draft was stored")
    expect(task_states() == ["done", "done", "next", "waiting", "waiting"],
           f"after the draft the next step is sending it for review ({task_states()})")
    page("utkast")

    # Section editing (issue 19, item 3): one section's text changed and a condition added; each
    # changed section shows its difference from the generated text.
    driver.find_element(By.LINK_TEXT, "Rediger avsnitt for avsnitt").click()
    wait_for("Overskriftene og tabellene står fast", "the section editor opens")
    page("redigering")
    summary = driver.find_element(
        By.XPATH, "//fieldset[legend='Sammendrag og konklusjon']//textarea[contains(@class, 'avsnittstekst')]")
    summary.send_keys("\n\nBydelen har vært på befaring ved stedet.")
    driver.find_element(By.XPATH, "//fieldset[legend='Bydelens tilråding']//textarea[contains(@name, '-ny')]").send_keys(
        "Stedet har ordensvakter fredag og lørdag fra kl. 22.00.")
    driver.find_element(By.CSS_SELECTOR, "form.avsnittsredigering > button[type=submit]").click()
    wait_for("lagret som versjon 2", "the edited sections were stored")
    changed = [e.find_element(By.XPATH, "./ancestor::fieldset/legend").text
               for e in driver.find_elements(By.CSS_SELECTOR, "details.endret")]
    expect(changed == ["Sammendrag og konklusjon", "Bydelens tilråding"],
           f"each edited section, and only those, shows its difference ({changed})")
    driver.find_element(By.XPATH, "//fieldset[legend='Bydelens tilråding']//details[@class='endret']/summary").click()
    expect("+ 1. Stedet har ordensvakter fredag og lørdag fra kl. 22.00." in driver.find_element(
        By.XPATH, "//fieldset[legend='Bydelens tilråding']//details[@class='endret']").text,
        "the difference shows the added condition")
    page("redigert")
    driver.get(BASE + "/saker/2026/5350")
    wait_for("Endret fra den genererte teksten", "the case page lists the changed sections")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/send-til-behandling'] button").click()
    wait_for("sendt til behandling", "sent for review")
    expect(task_states() == ["done", "done", "done", "next", "waiting"],
           f"under review the next step is the decision ({task_states()})")
    # The desk's filters: by stage, and the user's own cases.
    driver.get(BASE + "/saker")
    Select(driver.find_element(By.ID, "uttalelse")).select_by_value("til-behandling")
    driver.find_element(By.CSS_SELECTOR, "form[action='/saker'] button").click()
    WebDriverWait(driver, 15).until(lambda d: "uttalelse=til-behandling" in d.current_url)
    expect(desk_cases() == ["2026/05350"], f"only the case under review is listed ({desk_cases()})")
    page("hoeringer-til-behandling")
    driver.get(BASE + "/saker?mine=1")
    expect(desk_cases() == ["2026/05350"], f"«Mine saker» lists the case kari drafted ({desk_cases()})")
    sign_out()

    # The council returns the draft with a comment; the caseworker reads it and sends it again.
    open_for_review("bu1", shots=True)
    driver.find_element(By.ID, "kommentar").send_keys("Nevn idrettsanlegget i vurderingen.")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/returner'] button").click()
    wait_for("sendt tilbake til saksbehandleren", "the draft was returned")
    page("sendt-tilbake")
    sign_out()
    sign_in("kari")
    driver.get(BASE + "/saker/2026/5350")
    wait_for("Nevn idrettsanlegget i vurderingen.", "the caseworker reads the council's comment")
    expect(task_states() == ["done", "returned", "waiting", "waiting", "waiting"],
           f"a returned draft sends the task list back to the draft ({task_states()})")
    expect("«Nevn idrettsanlegget i vurderingen.»" in driver.find_element(By.CSS_SELECTOR, "ol.tidslinje").text,
           "the review timeline quotes the comment")
    page("kommentar-fra-behandlingen")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/send-til-behandling'] button").click()
    wait_for("sendt til behandling", "sent for review again")
    sign_out()

    # The council may read but not approve a draft on the director's route (four eyes).
    open_for_review("bu1")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/vedta'] button").click()
    wait_for("vedtas av en bruker med rollen leder", "the council is refused the director's approval")
    expect("Uttalelsen er vedtatt" not in driver.page_source, "the council did not approve the director's draft")
    sign_out()

    # The district director's delegate approves.
    open_for_review("leder1")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/vedta'] button").click()
    wait_for("Uttalelsen er vedtatt", "approved")
    page("vedtatt-av-leder")
    sign_out()

    # Staff again: export the approved statement as .docx.
    sign_in("kari")
    driver.get(BASE + "/saker/2026/5350")
    expect(task_states() == ["done", "done", "done", "done", "next"],
           f"once approved the next step is sending it ({task_states()})")
    page("vedtatt")
    link = driver.find_element(By.LINK_TEXT, "Word").get_attribute("href")
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    request = urllib.request.Request(link, headers={"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())})
    with opener.open(request) as response:
        body = response.read()
        expect(response.status == 200 and body[:2] == b"PK", "the .docx downloads")
        with open(os.path.join(SHOTS, "uttalelse.docx"), "wb") as file:
            file.write(body)
    # Marked as sent from the web: every step done.
    driver.find_element(By.CSS_SELECTOR, "form[action$='/sendt'] button").click()
    wait_for("Uttalelsen er merket som sendt", "the statement was marked as sent")
    expect(task_states() == ["done"] * 5, f"every step is done once sent ({task_states()})")
    page("sendt")

    # A complaint logged with today's due date appears on the morning list.
    driver.get(BASE + "/klager/ny")
    page("ny-klage")
    driver.find_element(By.ID, "sted").send_keys("Pub Bislett")
    driver.find_element(By.ID, "adresse").send_keys("Pilestredet 63")
    today = datetime.date.today().isoformat()
    driver.execute_script("document.getElementById('frist').value = arguments[0]", today)
    driver.find_element(By.CSS_SELECTOR, "input[name=kategori][value=stoey]").click()
    driver.find_element(By.ID, "beskrivelse").send_keys("Høy musikk fra bakgården.")
    driver.find_element(By.CSS_SELECTOR, "form[action='/klager'] button").click()
    wait_for("Oppfølging", "the complaint was logged")
    page("klage")
    driver.get(BASE + "/oppfolging")
    wait_for("Pub Bislett", "the complaint is on the morning list")
    page("oppfolging")
    driver.get(BASE + "/klager")
    page("klager")

    # A refused form (issue 19, item 4): the date left empty past the browser's own check, the
    # server names the field in the error summary, keeps what was typed, and the summary's link
    # takes the focus to the field.
    driver.get(BASE + "/klager/ny")
    driver.find_element(By.ID, "sted").send_keys("Kafé Avvist")
    driver.find_element(By.ID, "beskrivelse").send_keys("Knust glass på fortauet.")
    driver.find_element(By.CSS_SELECTOR, "input[name=kategori][value=stoey]").click()
    driver.execute_script(
        "var d = document.getElementById('hendelse'); d.removeAttribute('required'); d.value = '';")
    driver.find_element(By.CSS_SELECTOR, "form[action='/klager'] button").click()
    wait_for("Det er noe som må rettes", "the refused complaint opens with the error summary")
    expect(driver.title.startswith("Feil: "), "the refused page's title starts «Feil: »")
    expect(driver.find_element(By.ID, "sted").get_attribute("value") == "Kafé Avvist", "the venue is kept")
    expect(driver.find_element(By.ID, "beskrivelse").get_attribute("value") == "Knust glass på fortauet.",
           "the description is kept")
    expect(driver.find_element(By.CSS_SELECTOR, "input[name=kategori][value=stoey]").is_selected(),
           "the category is still ticked")
    expect(driver.find_element(By.ID, "hendelse").get_attribute("aria-invalid") == "true",
           "the date is marked invalid")
    page("ny-klage-feil")
    driver.find_element(By.CSS_SELECTOR, ".feilsammendrag a[href='#hendelse']").click()
    focused = driver.execute_script("return document.activeElement && document.activeElement.id")
    expect(focused == "hendelse", f"the summary's link moves the focus to the date (focus on «{focused}»)")
    driver.get(BASE + "/rapport")
    wait_for("Årsrapport", "the annual report opens")
    page("aarsrapport")

    # A meeting: a statement for the council goes on the agenda of a meeting two weeks ahead, the
    # meeting document opens, and the council's secretary records the outcome.
    meeting_day = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
    driver.get(BASE + "/saker/2026/5391")
    wait_for("Risikovurdering", "the second case is shown")
    Select(driver.find_element(By.ID, "vei")).select_by_value("bu")
    driver.execute_script("document.getElementById('mote').value = arguments[0]", meeting_day)
    driver.find_element(By.CSS_SELECTOR, "form[action$='/utkast'] button").click()
    wait_for("Utkast versjon 1 er lagret", "a draft for the council was stored")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/send-til-behandling'] button").click()
    wait_for("sendt til behandling", "the council's draft was sent for review")
    driver.get(BASE + "/moter")
    page("moter")
    driver.execute_script("document.getElementById('dato').value = arguments[0]", meeting_day)
    driver.find_element(By.CSS_SELECTOR, "form[action='/moter'] button").click()
    wait_for("Sett en sak på sakslisten", "the meeting was created")
    meeting_url = driver.current_url
    Select(driver.find_element(By.ID, "sak")).select_by_value("2026/05391")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/saker'] button").click()
    wait_for("står på sakslisten som sak", "the statement is on the agenda")
    page("mote")
    driver.find_element(By.LINK_TEXT, "HTML").click()
    wait_for("Bydelsdirektørens forslag til vedtak", "the meeting document opens")
    shot_only = os.path.join(SHOTS, f"{shot + 1:02d}-saksframlegg.png")
    driver.save_screenshot(shot_only)
    driver.get(BASE + "/saker")
    sign_out()
    sign_in("bu1")
    driver.get(meeting_url)
    wait_for("Før utfallet", "the secretary sees the record form")
    driver.find_element(By.CSS_SELECTOR, "input[type=radio][value=vedtatt]").click()
    driver.find_element(By.CSS_SELECTOR, "form[action$='/utfall'] button").click()
    wait_for("Utfallet er ført for én sak", "the outcome was recorded")
    expect("vedtatt som foreslått" in driver.page_source, "the agenda shows the outcome")
    page("mote-utfall")

    # An error page keeps the signed-in user's header and navigation.
    driver.get(BASE + "/finnes-ikke")
    wait_for("Siden finnes ikke", "the missing page says so")
    expect("Hovedmeny" in driver.page_source, "the error page has the navigation")
    page("ikke-funnet")
    sign_out()

    # The administrator's pages, with the audit trail in words.
    sign_in("admin1")
    driver.get(BASE + "/registre")
    page("registre")
    driver.get(BASE + "/brukere")
    page("brukere")
    driver.get(BASE + "/revisjon")
    wait_for("møtets utfall ført", "the audit trail says what was done in words")
    expect("meeting.record" not in driver.page_source, "the audit trail shows no action codes")
    page("revisjon")
    sign_out()

    # A visitor's error page offers to sign in.
    driver.get(BASE + "/finnes-ikke")
    wait_for("Logg inn</a>", "the visitor's error page offers to sign in")
    page("ikke-funnet-utlogget")
finally:
    driver.quit()

if problems:
    print("Accessibility problems (serious or critical, WCAG 2.1 AA):")
    print("\n".join(problems))
    sys.exit(1)
print(f"OK: {shot} pages checked ({checked_rules} axe-core rule results, none serious or critical); screenshots in {SHOTS}")
