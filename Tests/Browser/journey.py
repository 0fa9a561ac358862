"""The signer's journey, a virksomhet's registration and support's console in a real headless Chromium,
against a running `kp serve --demo` (see ./run).

Support names Oslo's signer in the console -> the signer opens the link from the real e-mail file ->
logs in on the development issuer's page at level 3, is told to log in at level 4, does -> reads and
signs -> support countersigns in the console -> /avtaler shows Oslo in force -> the signer downloads the
sealed agreement and checks it on /verifiser. Then a private virksomhet registers (the organisation number
checked as it is typed and again on the server) and support approves it in the console, and uses the
console's other pages (catalog import, suspend and resume, agreement versions). Then the printable
agreement, the 404 page, a LIS's invitation of a leder through the e-mail link's page, and the signer's
termination. axe-core runs on every page: no violation of impact serious or critical is allowed. A
screenshot of each step is written to --screenshots.
"""

import argparse
import datetime
import glob
import json
import email
import email.policy
import os
import pathlib
import re
import shutil
import sys
import tempfile
import time
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

OSLO = "kommune-0301"
SIGNER_EMAIL = "rita@oslo.kommune.no"
# The template version new agreements are signed on today: the newest published one in effect.
CURRENT_VERSION = max(
    (json.load(open(path))["effectiveDate"], json.load(open(path))["version"])
    for path in glob.glob(os.path.join(os.path.dirname(__file__), "..", "..", "Contracts", "*", "manifest.json"))
    if json.load(open(path))["effectiveDate"] <= datetime.date.today().isoformat()
)[1]
OSLO_ORGNR = "974770482"
CLINIC_ORGNR = "988077917"
CLINIC_NAME = "Legesenteret Sentrum AS"
LEDER_EMAIL = "lars@oslo.kommune.no"
VEILEDER_EMAIL = "vera@oslo.kommune.no"
SUPERVISOR_EMAIL = "sindre@oslo.kommune.no"


class Journey:
    def __init__(self, base_url, mail_dir, screenshots):
        self.base = base_url.rstrip("/")
        self.mail_dir = pathlib.Path(mail_dir)
        self.shots = pathlib.Path(screenshots)
        self.shots.mkdir(parents=True, exist_ok=True)
        for old in self.shots.glob("*.png"):
            old.unlink()
        self.downloads = pathlib.Path(tempfile.mkdtemp(prefix="web-journey-downloads-"))
        self.step = 0
        self.findings = []
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                         "--lang=nb-NO", "--disable-gpu"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {
            "download.default_directory": str(self.downloads),
            "download.prompt_for_download": False,
        })
        driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        self.driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(self.downloads)})
        self.wait = WebDriverWait(self.driver, 15)

    # -- helpers ---------------------------------------------------------------------------------------

    def check(self, name):
        """axe-core on the page now shown, then a full-page screenshot."""
        self.step += 1
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        for violation in results["violations"]:
            line = f"{self.step:02d}-{name} {self.driver.current_url}: {violation['impact']} {violation['id']}: {violation['help']}"
            if violation["impact"] in ("serious", "critical"):
                self.findings.append(line)
                print("VIOLATION " + line, flush=True)
            else:
                print("note " + line, flush=True)
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(1280, max(900, min(height + 40, 6000)))
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.driver.save_screenshot(str(self.shots / f"{self.step:02d}-{name}.png"))
        self.driver.set_window_size(1280, 900)
        print(f"step {self.step:02d} {name}: {self.driver.title}", flush=True)

    def go(self, path):
        self.driver.get(self.base + path)
        self.wait.until(EC.presence_of_element_located((By.TAG_NAME, "main")))

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def expect(self, words):
        main = self.text()
        if words not in main:
            raise AssertionError(f"expected «{words}» on {self.driver.current_url}; the page says:\n{main[:2000]}")

    def click_text(self, text, tag="*"):
        """Clicks the link or button with this text and waits for the next page to replace this one."""
        element = self.wait.until(EC.element_to_be_clickable(
            (By.XPATH, f"//{tag}[normalize-space(.)={xpath_literal(text)}]")))
        self.driver.execute_script("window.kpOldPage = true")
        element.click()
        self.wait.until(new_page_loaded)

    def submit_button(self, text):
        self.click_text(text, "button")

    def log_in(self, person, level, then_check=None):
        """From a page offering «Logg inn med HelseID»: through the development issuer's page and back."""
        self.expect("Logg inn med HelseID")
        self.click_text("Logg inn med HelseID", "a")
        self.wait.until(EC.title_contains("Velg testperson"))
        self.check(then_check or f"dev-issuer-{person}-level{level}")
        self.driver.find_element(By.ID, f"person-{person}").click()
        self.driver.find_element(By.ID, f"level-{level}").click()
        self.submit_button("Logg inn")
        self.wait.until(lambda d: "/dev-issuer/" not in d.current_url and "/auth/" not in d.current_url)
        self.wait.until(EC.presence_of_element_located((By.TAG_NAME, "main")))

    def log_out(self):
        self.submit_button("Logg ut")
        self.wait.until(EC.url_contains("/logg-inn"))
        self.expect("Du er logget ut.")

    def signer_link(self):
        """The link in the real e-mail file the server wrote for the signer."""
        return self.mail_link(SIGNER_EMAIL, "/kontaktperson/godta")

    def mail_link(self, recipient, path):
        """The link to `path` in the real e-mail file the server wrote to `recipient`."""
        deadline = time.time() + 15
        while time.time() < deadline:
            for path_ in sorted(self.mail_dir.rglob("*.eml")):
                message = email.message_from_bytes(path_.read_bytes(), policy=email.policy.default)
                if recipient not in str(message["To"]):
                    continue
                body = message.get_body(preferencelist=("plain",)).get_content()
                match = re.search(r"https?://\S+" + re.escape(path) + r"(\?\S+)?(?=\s)", body)
                if match:
                    return match.group(0)
            time.sleep(0.3)
        raise AssertionError(f"no e-mail to {recipient} with a link to {path} in {self.mail_dir}")

    def api_upload(self, path, data):
        """A file upload to the JSON API with the browser's own session as the bearer token."""
        token = self.driver.get_cookie("kp_session")["value"]
        request = urllib.request.Request(
            self.base + path, method="POST", data=data,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/octet-stream"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"null")

    def downloaded(self, suffix=".json"):
        deadline = time.time() + 15
        while time.time() < deadline:
            files = [p for p in self.downloads.iterdir() if p.suffix == suffix]
            if files:
                return files[0]
            time.sleep(0.2)
        raise AssertionError(f"no {suffix} file was downloaded")

    # -- the journey -----------------------------------------------------------------------------------

    def run(self):
        self.go("/")
        self.check("front-page")

        # Support logs in and names Oslo's signer in the console.
        self.go("/logg-inn?neste=/brukerstotte")
        self.check("login")
        self.log_in("support", 4)
        self.expect("Avtaler som venter på kontrasignatur")
        self.check("console")
        search = self.driver.find_element(By.ID, "sok")
        search.clear()
        search.send_keys("0301")
        self.submit_button("Søk")
        self.click_text("Oslo", "a")
        self.expect("Oppgi signatar")
        self.check("console-tenant")
        # A refused form first: the error summary, the values kept, nothing sent.
        self.driver.find_element(By.ID, "signer-name").send_keys("Rita Rådmann")
        self.driver.find_element(By.ID, "signer-email").send_keys("ikke-en-adresse")
        self.driver.find_element(By.ID, "signer-organisation-number").send_keys("974770483")
        self.submit_button("Send invitasjon")
        self.expect("Det er noe som må rettes")
        self.check("console-invite-refused")
        email_field = self.driver.find_element(By.ID, "signer-email")
        email_field.clear()
        email_field.send_keys(SIGNER_EMAIL)
        number = self.driver.find_element(By.ID, "signer-organisation-number")
        number.clear()
        number.send_keys(OSLO_ORGNR)
        self.submit_button("Send invitasjon")
        self.expect("Invitasjonen er sendt")
        self.check("console-invited")
        self.log_out()

        # The signer opens the link from the e-mail, logs in at level 3 and accepts.
        self.driver.get(self.signer_link())
        self.expect("har oppgitt Rita Rådmann som den som kan signere databehandleravtalen for Oslo")
        self.check("invitation")
        self.click_text("Logg inn for å godta", "a")
        self.log_in("signer", 3)
        self.expect("Du er logget inn som Rita Rådmann")
        self.check("invitation-logged-in")
        self.submit_button("Godta og bli kontaktperson for Oslo")
        self.expect("Du er nå kontaktperson for Oslo")
        self.expect("Signering av databehandleravtalen krever sikkerhetsnivå 4")
        self.check("agreement-level3")

        # Told to log in at level 4; does, and comes back to sign.
        self.click_text("Logg inn med sikkerhetsnivå 4", "a")
        self.expect("Sikkerhetsnivå 4 kreves")
        self.check("login-level4")
        self.log_in("signer", 4)
        self.expect("Databehandleravtale for Oslo")
        self.expect("1. Gjenstand og varighet")
        self.check("agreement-level4")
        self.submit_button("Signer avtalen")
        self.expect("Kryss av for at du har lest avtalen")
        self.check("sign-refused-unconfirmed")
        self.driver.find_element(By.ID, "bekreft").click()
        self.submit_button("Signer avtalen")
        self.expect("Avtalen er signert")
        self.expect("Venter på kontrasignatur fra brukerstøtte")
        self.check("signed")
        self.log_out()

        # Support countersigns in the console.
        self.go("/logg-inn?neste=/brukerstotte")
        self.log_in("support", 4, then_check="dev-issuer-support-again")
        self.click_text("Oslo", "a")
        self.submit_button(f"Kontrasigner avtalen (versjon {CURRENT_VERSION})")
        self.expect("Avtalen er kontrasignert og forseglet")
        self.check("countersigned")
        self.log_out()

        # The public list shows Oslo in force.
        self.go("/avtaler?sok=Oslo")
        row = self.driver.find_element(By.XPATH, "//tr[td[2][normalize-space(.)='Oslo']]")
        if "Ja" not in row.text:
            raise AssertionError(f"Oslo is not in force on /avtaler: {row.text}")
        self.check("public-list")

        # The signer downloads the sealed agreement and checks it on /verifiser.
        self.go(f"/virksomhet/{OSLO}/avtale")
        self.log_in("signer", 4, then_check="dev-issuer-signer-again")
        self.expect("Gjelder fra")
        self.check("agreement-in-force")
        self.driver.find_element(By.LINK_TEXT, f"Last ned forseglet avtale (versjon {CURRENT_VERSION})").click()
        sealed = self.downloaded()
        self.go("/verifiser")
        self.check("verify")
        self.driver.find_element(By.ID, "fil").send_keys(str(sealed))
        self.submit_button("Kontroller filen")
        self.expect("Gyldig forsegling")
        self.expect("Oslo")
        self.check("verified")
        # A changed file is not valid.
        tampered = self.downloads / "endret.json"
        tampered.write_text(sealed.read_text(encoding="utf-8").replace("Oslo", "Osló", 1), encoding="utf-8")
        self.driver.find_element(By.ID, "fil").send_keys(str(tampered))
        self.submit_button("Kontroller filen")
        self.expect("Ikke gyldig")
        self.check("verified-tampered")

    def registration_and_console(self):
        """A virksomhet registers (as Rita, logged in) and support approves it; then the console's other pages."""
        self.go("/registrering/ny")
        self.expect("Registrer en privat virksomhet")
        self.check("registration-form")
        number = self.driver.find_element(By.ID, "organisation-number")
        number.send_keys(CLINIC_ORGNR[:-1] + "8")
        # The script's as-you-type check: a help only, the server checks again.
        self.wait.until(lambda d: "Nummeret er ikke gyldig" in d.find_element(By.ID, "organisation-number-live").text)
        self.check("registration-orgnr-as-you-type")
        self.driver.find_element(By.ID, "contact-email").send_keys("post@legesenteret.no")
        self.submit_button("Send registreringen")
        self.expect("Det er noe som må rettes")
        self.expect("Velg minst én utdanning")
        self.check("registration-refused")
        number = self.driver.find_element(By.ID, "organisation-number")
        number.clear()
        number.send_keys(CLINIC_ORGNR)
        self.wait.until(lambda d: d.find_element(By.ID, "organisation-number-live").text == "")
        self.driver.find_element(By.ID, "name").send_keys(CLINIC_NAME)
        self.driver.find_element(By.ID, "programmes-alis").click()
        self.submit_button("Send registreringen")
        self.expect("Registreringen er sendt")
        self.expect("Venter på behandling")
        self.check("registration-sent")
        self.log_out()

        self.go("/logg-inn?neste=/brukerstotte/registreringer")
        self.log_in("support", 4, then_check="dev-issuer-support-registrations")
        self.expect(CLINIC_NAME)
        self.check("console-registrations")
        self.submit_button(f"Godkjenn {CLINIC_NAME}")
        self.expect("Registreringen er godkjent")
        self.expect(CLINIC_ORGNR)
        self.check("console-registration-approved")

        # The catalog import refuses a broken file with a table of its problems.
        self.go("/brukerstotte/katalog")
        self.check("console-catalog")
        broken = self.downloads / "katalog.csv"
        broken.write_text(
            "plan_key,plan_name,programmes,plan_version,effective_from,sample,objective_id,objective_title,"
            "objective_description,objective_theme,activity_type,activity_title,activity_signer\n"
            "alm,Allmennmedisin,alis,1,2019-99-01,true,ALM-001,,Tekst,Tema,course,Kurs,veileder\n", encoding="utf-8")
        self.driver.find_element(By.ID, "catalog-file").send_keys(str(broken))
        self.submit_button("Importer katalogen")
        self.expect("Feil i katalogfilen")
        self.check("console-catalog-refused")

        # Oslo is open now: suspend with a reason (refused without one), then open it again.
        self.go(f"/brukerstotte/virksomhet/{OSLO}")
        self.submit_button("Steng virksomheten midlertidig")
        self.expect("Det er noe som må rettes")
        self.check("console-suspend-refused")
        self.driver.find_element(By.ID, "status-reason").send_keys("Sak 2026-17: innbrudd hos kunden")
        self.submit_button("Steng virksomheten midlertidig")
        self.expect("Virksomheten er midlertidig stengt")
        self.expect("Sak 2026-17: innbrudd hos kunden")
        self.check("console-suspended")
        self.driver.find_element(By.ID, "status-reason").send_keys("Avklart med kunden")
        self.submit_button("Åpne virksomheten igjen")
        self.expect("Virksomheten er åpnet igjen")

        self.go("/brukerstotte/avtaleversjoner")
        self.expect("Alle virksomheter med avtale i kraft har signert versjon")
        self.check("console-versions")
        self.log_out()

        # Back to the signer at level 4, where the steps after this one take up the journey.
        self.go(f"/virksomhet/{OSLO}/avtale")
        self.log_in("signer", 4, then_check="dev-issuer-signer-after-console")
        self.expect("Gjelder fra")

    def afterwards(self):
        """After Oslo's agreement is in force: the printable agreement, a LIS's invitation to a leder through
        the e-mail link's page, the 404 page, and the termination page."""
        # The signer (still logged in at level 4) opens the agreement as signed, to print.
        self.go(f"/virksomhet/{OSLO}/avtale")
        self.click_text(f"Vis og skriv ut (versjon {CURRENT_VERSION})", "a")
        self.expect("Forseglingen er kontrollert og er gyldig")
        self.expect("Signert elektronisk med HelseID på sikkerhetsnivå 4")
        self.check("agreement-copy")
        self.go("/finnes-ikke")
        self.expect("Vi finner ikke siden")
        self.check("not-found")
        self.log_out()

        # Support imports the (sample) catalog, so that a LIS1 gets the plan when her leder accepts.
        self.go("/logg-inn?neste=/brukerstotte")
        self.log_in("support", 4, then_check="dev-issuer-support-catalog")
        catalog = pathlib.Path(__file__).resolve().parent.parent.parent / "Catalog" / "sample-catalog.json"
        self.api_upload("/api/v1/support/catalog", catalog.read_bytes())
        self.log_out()

        # A LIS registers in Oslo on the registration page and invites her leder, veileder and supervisør.
        self.go("/lis/registrer")
        self.log_in("lis", 4, then_check="dev-issuer-lis")
        self.check("lis-register")
        Select(self.driver.find_element(By.ID, "virksomhet")).select_by_visible_text("Oslo")
        self.submit_button("Registrer meg")
        self.expect("Velg utdanningsløpet ditt.")
        self.check("lis-register-refused")
        self.driver.find_element(By.ID, "programme-lis1").click()
        self.driver.find_element(By.ID, "email").send_keys("lise@example.no")
        self.submit_button("Registrer meg")
        self.expect("Du er registrert som lege i spesialisering i Oslo.")
        self.check("lis-home")
        for role, address in (("leder", LEDER_EMAIL), ("veileder", VEILEDER_EMAIL), ("supervisor", SUPERVISOR_EMAIL)):
            self.driver.find_element(By.ID, f"role-{role}").click()
            field = self.driver.find_element(By.ID, "email")
            field.clear()
            field.send_keys(address)
            self.submit_button("Send invitasjon")
            self.expect("Invitasjonen er sendt på e-post.")
        self.check("lis-invited")
        self.log_out()

        # Each opens the link from their real e-mail, logs in and accepts.
        for person, name, address, role in (("leder", "Lars Leder", LEDER_EMAIL, "leder"),
                                            ("veileder", "Vera Veileder", VEILEDER_EMAIL, "veileder"),
                                            ("supervisor-1", "Sindre Supervisør", SUPERVISOR_EMAIL, "supervisør")):
            self.driver.get(self.mail_link(address, "/invitasjon"))
            self.expect(f"har invitert {address} til å være {role} for Lise Lege i Oslo")
            self.check(f"role-invitation-{person}")
            self.click_text("Logg inn for å godta", "a")
            self.log_in(person, 4, then_check=f"dev-issuer-{person}")
            self.expect(f"Du er logget inn som {name}")
            self.submit_button(f"Godta og bli {role} for Lise Lege")
            self.expect(f"Du har godtatt invitasjonen og er nå {role} i Oslo.")
            self.check(f"start-{person}")
            self.log_out()
        # The link is used now.
        self.driver.get(self.mail_link(LEDER_EMAIL, "/invitasjon"))
        self.expect("Invitasjonen er allerede brukt")
        self.check("role-invitation-used")

        # The LIS records an activity for DEL1-001 and sends it to the supervisør, chosen by name.
        self.go("/virksomhet/kommune-0301/meg")
        self.log_in("lis", 4, then_check="dev-issuer-lis-again")
        self.expect("0 av 101 læringsmål er godkjent.")
        self.click_text("DEL1-001 Eksempel-læringsmål DEL1-001 (ikke Helsedirektoratets tekst)", "a")
        self.check("lis-objective")
        self.driver.find_element(By.ID, "valg-0").click()
        self.driver.execute_script("arguments[0].value = arguments[1]", self.driver.find_element(By.ID, "utfort"),
                                   datetime.date.today().isoformat())
        self.driver.find_element(By.ID, "notat").send_keys("Prosedyre under supervisjon på legevakten.")
        # An attachment that is not a PDF, JPEG or PNG is refused at its field; the typed values stay.
        files = tempfile.mkdtemp(prefix="kp-journey-files-")
        text_file = os.path.join(files, "notater.txt")
        pathlib.Path(text_file).write_text("Bare tekst\n")
        pdf_file = os.path.join(files, "kursbevis.pdf")
        pathlib.Path(pdf_file).write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        self.driver.find_element(By.ID, "vedlegg").send_keys(text_file)
        self.submit_button("Registrer aktiviteten")
        self.expect("Vedlegget må være en PDF-, JPEG- eller PNG-fil. Velg filen på nytt.")
        self.check("lis-attachment-refused")
        self.driver.find_element(By.ID, "vedlegg").send_keys(pdf_file)
        self.submit_button("Registrer aktiviteten")
        self.expect("Aktiviteten er registrert.")
        self.expect("kursbevis.pdf")
        Select(self.driver.find_element(By.CSS_SELECTOR, "select[name=til]")).select_by_visible_text("Sindre Supervisør")
        self.check("lis-activity-recorded")
        self.submit_button("Send til signering")
        self.expect("Aktiviteten er sendt til signering.")
        self.log_out()

        # The supervisør follows the e-mail notice's link, logs in and approves.
        self.driver.get(self.mail_link(SUPERVISOR_EMAIL, "/til-signering"))
        self.log_in("supervisor-1", 4, then_check="dev-issuer-supervisor-notice")
        self.expect("Lise Lege: Prosedyre")
        self.expect("kursbevis.pdf")
        self.check("signing-list")
        self.submit_button("Godkjenn aktiviteten for Lise Lege")
        self.expect("Aktiviteten er godkjent.")
        self.go("/start")
        self.expect("Ingen læringsaktiviteter venter på din signatur")
        self.check("start-supervisor-done")
        self.log_out()

        # The LIS sends the objective to her leder.
        self.go("/virksomhet/kommune-0301/meg/laeringsmal/lis1-kommune/DEL1-001")
        self.log_in("lis", 4, then_check="dev-issuer-lis-objective")
        self.expect("Godkjent av Sindre Supervisør")
        self.submit_button("Send læringsmålet til lederen")
        self.expect("Læringsmålet er sendt til lederen din for godkjenning.")
        self.check("lis-objective-sent")
        self.log_out()

        # The leder follows the notice, chooses the consulted veileder and supervisør by name, and approves.
        self.driver.get(self.mail_link(LEDER_EMAIL, "/til-godkjenning"))
        self.log_in("leder", 4, then_check="dev-issuer-leder-notice")
        self.check("approval-list")
        self.click_text("DEL1-001 Eksempel-læringsmål DEL1-001 (ikke Helsedirektoratets tekst)", "a")
        self.submit_button("Godkjenn læringsmålet")
        self.expect("Det er noe som må rettes")
        self.check("approval-refused")
        self.driver.find_element(By.XPATH, "//label[normalize-space(.)='Vera Veileder']").click()
        self.driver.find_element(By.XPATH, "//label[normalize-space(.)='Sindre Supervisør']").click()
        self.submit_button("Godkjenn læringsmålet")
        self.expect("Læringsmålet er godkjent.")
        self.check("approved")
        self.log_out()

        # The LIS sees the approval on her page, and finds her talks page's address there.
        self.go("/virksomhet/kommune-0301/meg")
        self.log_in("lis", 4, then_check="dev-issuer-lis-done")
        self.expect("1 av 101 læringsmål er godkjent.")
        self.check("lis-home-approved")
        talks = self.driver.find_element(By.LINK_TEXT, "Veiledningssamtaler").get_attribute("href")
        self.log_out()

        # The veileder plans a talk, writes the minutes and finalises it.
        self.driver.get(talks)
        self.log_in("veileder", 4, then_check="dev-issuer-veileder-talks")
        self.check("talks-veileder")
        self.driver.execute_script("arguments[0].value = arguments[1]", self.driver.find_element(By.ID, "dato"),
                                   datetime.date.today().isoformat())
        self.driver.find_element(By.ID, "tema").send_keys("Akuttmedisin på legevakten")
        self.submit_button("Planlegg samtalen")
        self.expect("Samtalen er planlagt.")
        self.driver.find_element(By.NAME, "referat").send_keys("REFERAT: Vi gikk gjennom tre akutte hendelser.")
        self.submit_button("Lagre referat")
        self.submit_button("Ferdigstill samtalen")
        self.expect("Samtalen er ferdigstilt og kan ikke endres.")
        self.check("talk-finalised")
        self.log_out()

        # The leder sees that the talk took place, never its minutes.
        self.driver.get(talks)
        self.log_in("leder", 4, then_check="dev-issuer-leder-talks")
        self.expect("Akuttmedisin på legevakten")
        if "REFERAT" in self.driver.page_source:
            raise AssertionError("the leder can read the talk's minutes")
        self.check("talks-leder")
        self.log_out()

        # The LIS sees the approval in her progress report and downloads it as CSV.
        self.driver.get(talks.replace("/samtaler", "/fremdrift"))
        self.log_in("lis", 4, then_check="dev-issuer-lis-report")
        self.expect("Veiledningssamtaler gjennomført: 1.")
        self.check("lis-report")
        self.driver.find_element(By.PARTIAL_LINK_TEXT, "Last ned som CSV").click()
        self.downloaded(suffix=".csv")
        self.log_out()

        # The signer terminates: a date in the past is refused at the field, then a date a month ahead.
        self.go(f"/virksomhet/{OSLO}/avslutning")
        self.log_in("signer", 4, then_check="dev-issuer-signer-termination")
        self.check("termination")
        self.driver.find_element(By.ID, "varslingsdato").send_keys("01012020")
        self.submit_button("Si opp avtalen")
        self.expect("Oppsigelsesdatoen kan ikke være tilbake i tid.")
        self.check("termination-refused")
        notice = self.driver.find_element(By.ID, "varslingsdato")
        self.driver.execute_script("arguments[0].value = arguments[1]", notice,
                                   (datetime.date.today() + datetime.timedelta(days=30)).isoformat())
        self.submit_button("Si opp avtalen")
        self.expect("Avtalen er sagt opp. Alle LIS og ledere")
        self.check("terminated")

    def close(self):
        self.driver.quit()
        shutil.rmtree(self.downloads, ignore_errors=True)


def new_page_loaded(driver):
    """True once the page marked before a click is replaced by a fully loaded one (redirects included)."""
    try:
        return driver.execute_script("return window.kpOldPage === undefined && document.readyState === 'complete'")
    except WebDriverException:
        return False


def xpath_literal(text):
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--mail-dir", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    journey = Journey(args.base_url, args.mail_dir, args.screenshots)
    try:
        journey.run()
        journey.registration_and_console()
        journey.afterwards()
    except Exception:
        journey.step += 1
        journey.driver.save_screenshot(str(journey.shots / f"{journey.step:02d}-failed.png"))
        raise
    finally:
        journey.close()
    if journey.findings:
        print(f"{len(journey.findings)} serious or critical accessibility violations:", file=sys.stderr)
        for line in journey.findings:
            print("  " + line, file=sys.stderr)
        return 1
    print(f"journey passed: {journey.step} pages checked with axe-core, screenshots in {journey.shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
