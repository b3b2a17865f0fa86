<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Auth</name>
    <message>
        <source>Could not sign the service-account token with the key of %1.</source>
        <translation>Das Token des Dienstkontos konnte mit dem Schlüssel von %1 nicht signiert werden.</translation>
    </message>
    <message>
        <source>Could not reach the sign-in server for %1 (%2). Check the network and try again.</source>
        <translation>Der Anmeldeserver für %1 ist nicht erreichbar (%2). Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The sign-in server is busy or failing for %1 (HTTP %2, %3). Try again in a moment.</source>
        <translation>Der Anmeldeserver für %1 ist überlastet oder gestört (HTTP %2, %3). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Google refused the service account %1 (%2). When a subject (--subject) is used, a Workspace administrator must allow domain-wide delegation of the Drive scope for this service account&apos;s client id.</source>
        <translation>Google hat das Dienstkonto %1 abgelehnt (%2). Mit einem Subjekt (--subject) muss ein Workspace-Administrator die domainweite Delegierung des Drive-Bereichs für die Client-ID dieses Dienstkontos erlauben.</translation>
    </message>
    <message>
        <source>The Databricks workspace %1 refused the service principal&apos;s client id or secret (%2). Check them and save them again (app: Accounts → Databricks workspaces; command line: drive-ingest-cli databricks-login).</source>
        <translation>Der Databricks-Workspace %1 hat die Client-ID oder das Secret des Service Principals abgelehnt (%2). Prüfen Sie sie und speichern Sie sie erneut (App: Konten → Databricks-Workspaces; Befehlszeile: drive-ingest-cli databricks-login).</translation>
    </message>
    <message>
        <source>The OAuth client id or client secret used for %1 is wrong or was deleted (%2). Check the client in the Google Cloud console (it must be of type &quot;Desktop app&quot;) and sign in again.</source>
        <translation>Die OAuth-Client-ID oder das Client-Geheimnis für %1 ist falsch oder wurde gelöscht (%2). Prüfen Sie den Client in der Google Cloud Console (Typ „Desktop-App“) und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Access was denied for %1: the sign-in was cancelled or Drive access was not granted (%2). Sign in again and allow access to Google Drive.</source>
        <translation>Der Zugriff für %1 wurde verweigert: Die Anmeldung wurde abgebrochen oder der Drive-Zugriff nicht erlaubt (%2). Melden Sie sich erneut an und erlauben Sie den Zugriff auf Google Drive.</translation>
    </message>
    <message>
        <source>Google rejected the sign-in answer for %1 (%2): the code was already used or expired, or the PKCE verifier or redirect address did not match. Start the sign-in again.</source>
        <translation>Google hat die Anmeldeantwort für %1 abgelehnt (%2): Der Code war schon benutzt oder abgelaufen, oder PKCE-Prüfwert bzw. Weiterleitungsadresse passten nicht. Starten Sie die Anmeldung neu.</translation>
    </message>
    <message>
        <source>The saved Google sign-in of %1 is no longer valid (%2): it was revoked, expired or replaced. Sign in again (app: Accounts → Sign in with Google; command line: drive-ingest-cli login --account %1).</source>
        <translation>Die gespeicherte Google-Anmeldung von %1 ist nicht mehr gültig (%2): Sie wurde widerrufen, ist abgelaufen oder wurde ersetzt. Melden Sie sich erneut an (App: Konten → Mit Google anmelden; Befehlszeile: drive-ingest-cli login --account %1).</translation>
    </message>
    <message>
        <source>Google rejected the signature of service account %1 (%2): the key in the key file was deleted or replaced in the Google Cloud console. Create a new key and use its JSON file.</source>
        <translation>Google hat die Signatur des Dienstkontos %1 abgelehnt (%2): Der Schlüssel der Schlüsseldatei wurde in der Google Cloud Console gelöscht oder ersetzt. Erstellen Sie einen neuen Schlüssel und verwenden Sie dessen JSON-Datei.</translation>
    </message>
    <message>
        <source>Google rejected the service-account token of %1 because this computer&apos;s clock is wrong (%2). Set the system clock (enable NTP time sync) and try again.</source>
        <translation>Google hat das Dienstkonto-Token von %1 abgelehnt, weil die Uhr dieses Computers falsch geht (%2). Stellen Sie die Systemuhr (NTP-Zeitabgleich einschalten) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Google rejected the service account %1 (%2). Check that the key file is current and, with --subject, that the user exists in the domain.</source>
        <translation>Google hat das Dienstkonto %1 abgelehnt (%2). Prüfen Sie, ob die Schlüsseldatei aktuell ist und, mit --subject, ob der Benutzer in der Domain existiert.</translation>
    </message>
    <message>
        <source>The sign-in of %1 was already revoked or expired.</source>
        <translation>Die Anmeldung von %1 war bereits widerrufen oder abgelaufen.</translation>
    </message>
    <message>
        <source>The sign-in server refused the request for %1 (HTTP %2, %3).</source>
        <translation>Der Anmeldeserver hat die Anfrage für %1 abgelehnt (HTTP %2, %3).</translation>
    </message>
</context>
<context>
    <name>Auth::DatabricksTokenProvider</name>
    <message>
        <source>Databricks refused the personal access token for %1 (expired or revoked). Create a new token and save it (app: Accounts → Databricks workspaces; command line: drive-ingest-cli databricks-login --host %1).</source>
        <translation>Databricks hat das persönliche Zugriffstoken für %1 abgelehnt (abgelaufen oder widerrufen). Erstellen Sie ein neues Token und speichern Sie es (App: Konten → Databricks-Workspaces; Befehlszeile: drive-ingest-cli databricks-login --host %1).</translation>
    </message>
</context>
<context>
    <name>Auth::GoogleOAuthFlow</name>
    <message>
        <source>No OAuth client id: create a &quot;Desktop app&quot; OAuth client in the Google Cloud console and pass its id (see README, &quot;Sign in to Google&quot;).</source>
        <translation>Keine OAuth-Client-ID: Legen Sie in der Google Cloud Console einen OAuth-Client vom Typ „Desktop-App“ an und geben Sie dessen ID an (siehe README, „Sign in to Google“).</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>this sign-in</source>
        <translation>diese Anmeldung</translation>
    </message>
    <message>
        <source>Google granted access but sent no refresh token, so the sign-in could not be kept. Remove Drive Ingest&apos;s access at https://myaccount.google.com/permissions and sign in again.</source>
        <translation>Google hat den Zugriff erlaubt, aber kein Aktualisierungstoken gesendet; die Anmeldung kann daher nicht gespeichert werden. Entfernen Sie den Zugriff von Drive Ingest unter https://myaccount.google.com/permissions und melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>Auth::GoogleTokenProvider</name>
    <message>
        <source>The Google sign-in of %1 is no longer valid. Sign in again.</source>
        <translation>Die Google-Anmeldung von %1 ist nicht mehr gültig. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>Auth::KeychainTokenStore</name>
    <message>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
</context>
<context>
    <name>Auth::LoopbackListener</name>
    <message>
        <source>No answer from the browser: the sign-in timed out. Start it again.</source>
        <translation>Keine Antwort vom Browser: Die Anmeldung hat zu lange gedauert. Starten Sie sie erneut.</translation>
    </message>
    <message>
        <source>port %1 is already in use: choose another port or let the app pick a free one.</source>
        <translation>Port %1 ist schon belegt: Wählen Sie einen anderen Port oder lassen Sie die App einen freien wählen.</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1 port %1: %2</source>
        <translation>kann nicht auf 127.0.0.1 Port %1 lauschen: %2</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <source>This address only accepts a sign-in redirect.</source>
        <translation>Diese Adresse nimmt nur eine Anmelde-Weiterleitung an.</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>Sign-in already finished</source>
        <translation>Anmeldung bereits abgeschlossen</translation>
    </message>
    <message>
        <source>You can close this window.</source>
        <translation>Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message>
        <source>ignored a %1 request on the sign-in listener</source>
        <translation>eine %1-Anfrage an den Anmelde-Empfänger wurde ignoriert</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Not a sign-in answer</source>
        <translation>Keine Anmeldeantwort</translation>
    </message>
    <message>
        <source>The request carried neither a code nor an error.</source>
        <translation>Die Anfrage enthielt weder einen Code noch einen Fehler.</translation>
    </message>
    <message>
        <source>ignored a request without code or error on the sign-in listener</source>
        <translation>eine Anfrage ohne Code oder Fehler an den Anmelde-Empfänger wurde ignoriert</translation>
    </message>
    <message>
        <source>Sign-in rejected</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in in progress (wrong state). It was ignored.</source>
        <translation>Diese Antwort gehört nicht zur laufenden Anmeldung (falscher state). Sie wurde ignoriert.</translation>
    </message>
    <message>
        <source>rejected a redirect with a wrong state parameter (possible forged request)</source>
        <translation>eine Weiterleitung mit falschem state-Parameter wurde abgelehnt (möglicherweise gefälschte Anfrage)</translation>
    </message>
    <message>
        <source>Sign-in cancelled</source>
        <translation>Anmeldung abgebrochen</translation>
    </message>
    <message>
        <source>Access was not granted. You can close this window.</source>
        <translation>Der Zugriff wurde nicht erlaubt. Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>The sign-in failed (%1). You can close this window.</source>
        <translation>Die Anmeldung ist fehlgeschlagen (%1). Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>Access was denied in the browser: the sign-in was cancelled or Drive access was not granted. Sign in again and allow access to Google Drive.</source>
        <translation>Der Zugriff wurde im Browser verweigert: Die Anmeldung wurde abgebrochen oder der Drive-Zugriff nicht erlaubt. Melden Sie sich erneut an und erlauben Sie den Zugriff auf Google Drive.</translation>
    </message>
    <message>
        <source>Google answered the sign-in with the error &quot;%1&quot;.</source>
        <translation>Google hat die Anmeldung mit dem Fehler „%1“ beantwortet.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Drive Ingest received the sign-in. You can close this window.</source>
        <translation>Drive Ingest hat die Anmeldung erhalten. Sie können dieses Fenster schließen.</translation>
    </message>
</context>
<context>
    <name>Auth::MemoryTokenStore</name>
    <message>
        <source>memory (not saved)</source>
        <translation>Arbeitsspeicher (nicht gespeichert)</translation>
    </message>
</context>
<context>
    <name>Auth::ServiceAccountKey</name>
    <message>
        <source>The service-account key file is not valid JSON (%1). Download a new JSON key from the Google Cloud console (IAM → Service accounts → Keys).</source>
        <translation>Die Schlüsseldatei des Dienstkontos ist kein gültiges JSON (%1). Laden Sie einen neuen JSON-Schlüssel aus der Google Cloud Console herunter (IAM → Dienstkonten → Schlüssel).</translation>
    </message>
    <message>
        <source>This file is an OAuth client (&quot;client_secret&quot; file), not a service-account key. Use it with `login --client-secret-file`, or download a service-account JSON key.</source>
        <translation>Diese Datei ist ein OAuth-Client („client_secret“-Datei), kein Dienstkonto-Schlüssel. Verwenden Sie sie mit `login --client-secret-file` oder laden Sie einen JSON-Schlüssel eines Dienstkontos herunter.</translation>
    </message>
    <message>
        <source>This is not a service-account key file (its type is &quot;%1&quot;, expected &quot;service_account&quot;).</source>
        <translation>Dies ist keine Schlüsseldatei eines Dienstkontos (Typ „%1“, erwartet „service_account“).</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>The service-account key file has no &quot;client_email&quot;.</source>
        <translation>Der Schlüsseldatei des Dienstkontos fehlt „client_email“.</translation>
    </message>
    <message>
        <source>The service-account key file has no &quot;private_key&quot;.</source>
        <translation>Der Schlüsseldatei des Dienstkontos fehlt „private_key“.</translation>
    </message>
    <message>
        <source>The private key in the service-account key file is not a readable PEM key (the file was edited or truncated). Download a new JSON key.</source>
        <translation>Der private Schlüssel in der Schlüsseldatei ist kein lesbarer PEM-Schlüssel (die Datei wurde bearbeitet oder abgeschnitten). Laden Sie einen neuen JSON-Schlüssel herunter.</translation>
    </message>
    <message>
        <source>The private key in the service-account key file is not an RSA key; Google signs service accounts with RS256 only.</source>
        <translation>Der private Schlüssel in der Schlüsseldatei ist kein RSA-Schlüssel; Google signiert Dienstkonten nur mit RS256.</translation>
    </message>
    <message>
        <source>Cannot read the service-account key file %1: %2</source>
        <translation>Die Schlüsseldatei des Dienstkontos %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Auth::SignOutJob</name>
    <message>
        <source>Signed out of %1.</source>
        <translation>Von %1 abgemeldet.</translation>
    </message>
    <message>
        <source>The server did not confirm the revocation: %1</source>
        <translation>Der Server hat den Widerruf nicht bestätigt: %1</translation>
    </message>
</context>
<context>
    <name>Auth::TokenRequest</name>
    <message>
        <source>If this happens about a week after every sign-in, your OAuth client&apos;s app is in &quot;Testing&quot; publishing status: Google expires the sign-ins of Testing apps after 7 days. Publish the app (Google Cloud console → Google Auth Platform → Audience → Publish app) to keep sign-ins valid.</source>
        <translation>Passiert das etwa eine Woche nach jeder Anmeldung, ist die App Ihres OAuth-Clients im Veröffentlichungsstatus „Testing“: Google lässt Anmeldungen von Test-Apps nach 7 Tagen ablaufen. Veröffentlichen Sie die App (Google Cloud Console → Google Auth Platform → Audience → Publish app), damit Anmeldungen gültig bleiben.</translation>
    </message>
</context>
<context>
    <name>BrowserModel</name>
    <message>
        <source>My Drive</source>
        <translation>Meine Ablage</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>Für mich freigegeben</translation>
    </message>
    <message>
        <source>Shared drives</source>
        <translation>Geteilte Ablagen</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Google file (not exported)</source>
        <translation>Google-Datei (nicht exportiert)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>Suche: %1</translation>
    </message>
</context>
<context>
    <name>BrowserSource</name>
    <message>
        <source>Searching is not available here.</source>
        <translation>Suchen ist hier nicht möglich.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Totals</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Files done:</source>
        <translation>Dateien fertig:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>Verbleibend:</translation>
    </message>
    <message>
        <source>Transferred:</source>
        <translation>Übertragen:</translation>
    </message>
    <message>
        <source>Current rate:</source>
        <translation>Aktuelle Rate:</translation>
    </message>
    <message>
        <source>Average rate:</source>
        <translation>Mittlere Rate:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Restzeit:</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>Show the last:</source>
        <translation>Zeige die letzten:</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Bericht speichern…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2, %3 skipped</source>
        <translation>%1 von %2, %3 übersprungen</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>%1/s, %2 throttled</source>
        <translation>%1/s, %2 gedrosselt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Nothing is holding the run back</source>
        <translation>Nichts bremst den Lauf</translation>
    </message>
    <message>
        <source>%1 files done, %2 skipped, %3 failed, %4 to retry later, %5 cancelled; %6 in %7.</source>
        <translation>%1 Dateien fertig, %2 übersprungen, %3 fehlgeschlagen, %4 später erneut, %5 abgebrochen; %6 in %7.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>Der Bericht konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>DatabricksDialog</name>
    <message>
        <source>Databricks workspaces</source>
        <translation>Databricks-Workspaces</translation>
    </message>
    <message>
        <source>&amp;Workspaces (shared with drive-ingest-cli databricks-login):</source>
        <translation>&amp;Workspaces (gemeinsam mit drive-ingest-cli databricks-login):</translation>
    </message>
    <message>
        <source>&amp;Use for runs</source>
        <translation>Für Läufe &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Add a workspace</source>
        <translation>Workspace hinzufügen</translation>
    </message>
    <message>
        <source>Workspace &amp;URL:</source>
        <translation>Workspace-&amp;URL:</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>a &amp;personal access token</source>
        <translation>einem &amp;persönlichen Zugriffstoken</translation>
    </message>
    <message>
        <source>a service &amp;principal (OAuth client id and secret)</source>
        <translation>einem Service-&amp;Principal (OAuth-Client-ID und Geheimnis)</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>service principal %1</source>
        <translation>Service-Principal %1</translation>
    </message>
    <message>
        <source>personal access token</source>
        <translation>persönliches Zugriffstoken</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 – used for runs</source>
        <translation>%1 – für Läufe verwendet</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>dapi…</source>
        <translation>dapi…</translation>
    </message>
    <message>
        <source>Enter the workspace URL (https://…).</source>
        <translation>Geben Sie die Workspace-URL ein (https://…).</translation>
    </message>
    <message>
        <source>Enter the service principal&apos;s client id.</source>
        <translation>Geben Sie die Client-ID des Service-Principals ein.</translation>
    </message>
    <message>
        <source>Enter the client secret.</source>
        <translation>Geben Sie das Client-Geheimnis ein.</translation>
    </message>
    <message>
        <source>Enter the personal access token.</source>
        <translation>Geben Sie das persönliche Zugriffstoken ein.</translation>
    </message>
    <message>
        <source>Checking the client id and secret with %1…</source>
        <translation>Client-ID und Geheimnis werden bei %1 geprüft…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved the credentials for %1.</source>
        <translation>Die Zugangsdaten für %1 wurden gespeichert.</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>%1 wird entfernt…</translation>
    </message>
    <message>
        <source>Removed %1 and its credentials.</source>
        <translation>%1 und seine Zugangsdaten wurden entfernt.</translation>
    </message>
    <message>
        <source>Runs to Volumes and DBFS now write to %1.</source>
        <translation>Läufe in Volumes und DBFS schreiben jetzt nach %1.</translation>
    </message>
</context>
<context>
    <name>DatabricksWorkspaces</name>
    <message>
        <source>No place to keep credentials in this build.</source>
        <translation>Dieser Build hat keinen Ort für Zugangsdaten.</translation>
    </message>
    <message>
        <source>The credentials could not be saved in the %1: %2</source>
        <translation>Die Zugangsdaten konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>No credentials for %1 in the %2. Add the workspace again.</source>
        <translation>Keine Zugangsdaten für %1 in %2. Fügen Sie den Workspace erneut hinzu.</translation>
    </message>
    <message>
        <source>The saved credentials for %1 are unreadable. Add the workspace again.</source>
        <translation>Die gespeicherten Zugangsdaten für %1 sind unlesbar. Fügen Sie den Workspace erneut hinzu.</translation>
    </message>
    <message>
        <source>%1 refused access with these credentials (%2). Check them under Accounts → Databricks workspaces.</source>
        <translation>%1 hat den Zugriff mit diesen Zugangsdaten verweigert (%2). Prüfen Sie sie unter Konten → Databricks-Workspaces.</translation>
    </message>
    <message>
        <source>The Volume %1 does not exist in %2.</source>
        <translation>Das Volume %1 gibt es in %2 nicht.</translation>
    </message>
    <message>
        <source>%1 could not be checked: %2</source>
        <translation>%1 konnte nicht geprüft werden: %2</translation>
    </message>
</context>
<context>
    <name>DbfsSink</name>
    <message>
        <source>The DBFS upload handle expired: %1</source>
        <translation>Das DBFS-Upload-Handle ist abgelaufen: %1</translation>
    </message>
</context>
<context>
    <name>Dest::DatabricksClient</name>
    <message>
        <source>Databricks rejected the token for %1: sign in to the workspace again (app: Accounts → Databricks workspaces; command line: drive-ingest-cli databricks-login)</source>
        <translation>Databricks hat das Token für %1 abgelehnt: Melden Sie sich erneut beim Workspace an (App: Konten → Databricks-Workspaces; Befehlszeile: drive-ingest-cli databricks-login)</translation>
    </message>
</context>
<context>
    <name>Dest::DbfsDestination</name>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>Nach %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a DBFS folder (Volumes take volume:/Volumes/…)</source>
        <translation>%1 ist kein DBFS-Ordner (Volumes nehmen volume:/Volumes/…)</translation>
    </message>
</context>
<context>
    <name>Dest::DbfsSink</name>
    <message>
        <source>A DBFS upload takes bytes in order: got offset %1, expected %2</source>
        <translation>Ein DBFS-Upload nimmt Bytes nur der Reihe nach: Offset %1 erhalten, %2 erwartet</translation>
    </message>
    <message>
        <source>DBFS create gave no handle</source>
        <translation>DBFS create lieferte kein Handle</translation>
    </message>
    <message>
        <source>%1 of %2 bytes arrived</source>
        <translation>%1 von %2 Bytes sind angekommen</translation>
    </message>
</context>
<context>
    <name>Dest::LocalDestination</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>Cannot write into %1.</source>
        <translation>In %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The path %1 would leave %2.</source>
        <translation>Der Pfad %1 würde %2 verlassen.</translation>
    </message>
</context>
<context>
    <name>Dest::LocalSink</name>
    <message>
        <source>The destination path is outside the chosen folder.</source>
        <translation>Der Zielpfad liegt außerhalb des gewählten Ordners.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Disk full while writing %1.</source>
        <translation>Datenträger voll beim Schreiben von %1.</translation>
    </message>
    <message>
        <source>Permission denied: %1.</source>
        <translation>Zugriff verweigert: %1.</translation>
    </message>
    <message>
        <source>The name is too long for this file system: %1.</source>
        <translation>Der Name ist für dieses Dateisystem zu lang: %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>Dest::VolumeDestination</name>
    <message>
        <source>%1 is not a Volume path: use /Volumes/&lt;catalog&gt;/&lt;schema&gt;/&lt;volume&gt;[/path]</source>
        <translation>%1 ist kein Volume-Pfad: Verwenden Sie /Volumes/&lt;katalog&gt;/&lt;schema&gt;/&lt;volume&gt;[/pfad]</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>Nach %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Dest::VolumeSink</name>
    <message>
        <source>The Databricks token was refreshed; the upload starts again</source>
        <translation>Das Databricks-Token wurde erneuert; der Upload beginnt von vorn</translation>
    </message>
    <message>
        <source>A Volume upload takes bytes in order: got offset %1, expected %2</source>
        <translation>Ein Volume-Upload nimmt Bytes nur der Reihe nach: Offset %1 erhalten, %2 erwartet</translation>
    </message>
    <message>
        <source>More than %1 bytes arrived for a file buffered in memory</source>
        <translation>Für eine im Speicher gepufferte Datei kamen mehr als %1 Bytes an</translation>
    </message>
    <message>
        <source>%1 of %2 bytes arrived</source>
        <translation>%1 von %2 Bytes sind angekommen</translation>
    </message>
    <message>
        <source>The workspace offered no multipart upload for a file above %1 bytes</source>
        <translation>Der Arbeitsbereich bot keinen mehrteiligen Upload für eine Datei über %1 Bytes an</translation>
    </message>
    <message>
        <source>More than the %1 bytes Drive announced arrived</source>
        <translation>Es kamen mehr als die von Drive angekündigten %1 Bytes an</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 before the upload was complete</source>
        <translation>Der Server antwortete mit HTTP %1, bevor der Upload vollständig war</translation>
    </message>
</context>
<context>
    <name>DestinationChoice</name>
    <message>
        <source>Choose where the files should go.</source>
        <translation>Wählen Sie, wohin die Dateien sollen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist and cannot be created.</source>
        <translation>Der Ordner %1 existiert nicht und kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>Der Ordner %1 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>A Volume path looks like /Volumes/catalog/schema/volume/folder.</source>
        <translation>Ein Volume-Pfad sieht so aus: /Volumes/katalog/schema/volume/ordner.</translation>
    </message>
    <message>
        <source>A DBFS path looks like dbfs:/folder.</source>
        <translation>Ein DBFS-Pfad sieht so aus: dbfs:/ordner.</translation>
    </message>
</context>
<context>
    <name>DestinationPicker</name>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>Lokaler Ordner</translation>
    </message>
    <message>
        <source>Databricks Volume</source>
        <translation>Databricks-Volume</translation>
    </message>
    <message>
        <source>DBFS</source>
        <translation>DBFS</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>A folder on this computer</source>
        <translation>Ein Ordner auf diesem Computer</translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation>Zielordner wählen</translation>
    </message>
</context>
<context>
    <name>DriveBrowserSource</name>
    <message>
        <source>The listing expired; collapse and expand the folder again.</source>
        <translation>Die Auflistung ist abgelaufen; klappen Sie den Ordner zu und wieder auf.</translation>
    </message>
</context>
<context>
    <name>EngineRunner</name>
    <message>
        <source>Choose a Databricks workspace first (Accounts menu).</source>
        <translation>Wählen Sie zuerst einen Databricks-Arbeitsbereich (Menü Konten).</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Drive Ingest</source>
        <translation>Willkommen bei Drive Ingest</translation>
    </message>
    <message>
        <source>Copy files and folders from Google Drive into a Databricks Volume, DBFS or a local folder, streamed and verified. Sign in to start, or try the whole flow with the built-in sandbox: no account needed.</source>
        <translation>Kopieren Sie Dateien und Ordner aus Google Drive in ein Databricks-Volume, nach DBFS oder in einen lokalen Ordner – direkt gestreamt und geprüft. Melden Sie sich an, oder probieren Sie den ganzen Ablauf mit der eingebauten Sandbox aus: ganz ohne Konto.</translation>
    </message>
    <message>
        <source>Sign in with Google</source>
        <translation>Mit Google anmelden</translation>
    </message>
    <message>
        <source>Try it with the sandbox</source>
        <translation>Mit der Sandbox ausprobieren</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>%1 is a data size such as &quot;12.3 MB&quot;</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Auflisten</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>Überträgt</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Prüft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Retry later</source>
        <translation>Später erneut</translation>
    </message>
    <message>
        <source>Limited by Google Drive request pacing</source>
        <translation>Begrenzt durch die Anfragerate von Google Drive</translation>
    </message>
    <message>
        <source>Limited by Databricks (upload side)</source>
        <translation>Begrenzt durch Databricks (Upload-Seite)</translation>
    </message>
    <message>
        <source>Limited by the local disk</source>
        <translation>Begrenzt durch den lokalen Datenträger</translation>
    </message>
    <message>
        <source>Limited by the network</source>
        <translation>Begrenzt durch das Netzwerk</translation>
    </message>
    <message>
        <source>Limited by your bandwidth cap</source>
        <translation>Begrenzt durch Ihr Bandbreitenlimit</translation>
    </message>
    <message>
        <source>Limited by: %1</source>
        <translation>Begrenzt durch: %1</translation>
    </message>
    <message>
        <source>exported as %1</source>
        <translation>exportiert als %1</translation>
    </message>
</context>
<context>
    <name>GoogleSignIn</name>
    <message>
        <source>Choose your OAuth client file (client_secret_….json)</source>
        <translation>Wählen Sie Ihre OAuth-Client-Datei (client_secret_….json)</translation>
    </message>
    <message>
        <source>OAuth client (*.json);;All files (*)</source>
        <translation>OAuth-Client (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The sign-in of %1 is missing from the %2. Sign in again.</source>
        <translation>Die Anmeldung von %1 fehlt in %2. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The saved sign-in of %1 is unreadable. Sign in again.</source>
        <translation>Die gespeicherte Anmeldung von %1 ist unlesbar. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Drive Ingest</source>
        <translation>Drive Ingest</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Drive listing failed: %1</source>
        <translation>Drive-Auflistung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation>Alle an&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Resume all</source>
        <translation>Alle &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Cancel all</source>
        <translation>Alle a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Paste &amp;links</source>
        <translation>&amp;Links einfügen</translation>
    </message>
    <message>
        <source>Pause file</source>
        <translation>Datei anhalten</translation>
    </message>
    <message>
        <source>Resume file</source>
        <translation>Datei fortsetzen</translation>
    </message>
    <message>
        <source>Cancel file</source>
        <translation>Datei abbrechen</translation>
    </message>
    <message>
        <source>Retry file</source>
        <translation>Datei erneut versuchen</translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation>Aus der Warteschlange entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Zur Warteschlange hinzufügen</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation>&amp;Bericht speichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>Sign in with &amp;Google…</source>
        <translation>Mit &amp;Google anmelden…</translation>
    </message>
    <message>
        <source>Use the &amp;sandbox</source>
        <translation>&amp;Sandbox verwenden</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Drive Ingest</source>
        <translation>Ü&amp;ber Drive Ingest</translation>
    </message>
    <message>
        <source>About Drive Ingest</source>
        <translation>Über Drive Ingest</translation>
    </message>
    <message>
        <source>Drive Ingest %1
Streams Google Drive files into Databricks or a local folder.
License: GPL-3.0-or-later</source>
        <translation>Drive Ingest %1
Überträgt Dateien aus Google Drive nach Databricks oder in einen lokalen Ordner.
Lizenz: GPL-3.0-or-later</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Angemeldet: %1</translation>
    </message>
    <message>
        <source>Add files or folders to the queue first.</source>
        <translation>Fügen Sie zuerst Dateien oder Ordner zur Warteschlange hinzu.</translation>
    </message>
    <message>
        <source>The clipboard holds no Google Drive link.</source>
        <translation>Die Zwischenablage enthält keinen Google-Drive-Link.</translation>
    </message>
    <message>
        <source>Starting the sandbox…</source>
        <translation>Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>Sign in with Google</source>
        <translation>Mit Google anmelden</translation>
    </message>
    <message>
        <source>Google sign-in is not available in this build.</source>
        <translation>Die Google-Anmeldung ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>Waiting for the browser sign-in…</source>
        <translation>Warte auf die Anmeldung im Browser…</translation>
    </message>
    <message>
        <source>Ingest finished</source>
        <translation>Übernahme abgeschlossen</translation>
    </message>
    <message>
        <source>%1 files done, %2 skipped, %3 failed.</source>
        <translation>%1 Dateien fertig, %2 übersprungen, %3 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sign in again to continue: %1</source>
        <translation>Melden Sie sich erneut an, um fortzufahren: %1</translation>
    </message>
    <message>
        <source>Ingest stopped</source>
        <translation>Übernahme gestoppt</translation>
    </message>
    <message>
        <source>%1% paused – Drive Ingest</source>
        <translation>%1 % angehalten – Drive Ingest</translation>
    </message>
    <message>
        <source>%1% at %2 – Drive Ingest</source>
        <translation>%1 % mit %2 – Drive Ingest</translation>
    </message>
    <message>
        <source>Quit Drive Ingest</source>
        <translation>Drive Ingest beenden</translation>
    </message>
    <message>
        <source>A run is in progress. Cancel it and quit?</source>
        <translation>Eine Übernahme läuft. Abbrechen und beenden?</translation>
    </message>
    <message>
        <source>Cancel the run and quit</source>
        <translation>Übernahme abbrechen und beenden</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Use a service-account &amp;key…</source>
        <translation>&amp;Schlüssel eines Dienstkontos verwenden…</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>Dienstkonto</translation>
    </message>
    <message>
        <source>Search in Drive…</source>
        <translation>In Drive suchen…</translation>
    </message>
    <message>
        <source>Filters the loaded items at once, and asks Drive for every name that contains the text.</source>
        <translation>Filtert sofort die geladenen Einträge und fragt Drive nach allen Namen, die den Text enthalten.</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <source>Choose a service-account key (JSON)</source>
        <translation>Schlüssel eines Dienstkontos wählen (JSON)</translation>
    </message>
    <message>
        <source>Service-account key (*.json);;All files (*)</source>
        <translation>Dienstkonto-Schlüssel (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Databricks workspaces…</source>
        <translation>&amp;Databricks-Workspaces…</translation>
    </message>
    <message>
        <source>Finish or cancel the run before switching accounts.</source>
        <translation>Beenden oder abbrechen Sie den Lauf, bevor Sie das Konto wechseln.</translation>
    </message>
    <message>
        <source>Switching to %1…</source>
        <translation>Wechsel zu %1…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Checking the Databricks workspace…</source>
        <translation>Der Databricks-Workspace wird geprüft…</translation>
    </message>
    <message>
        <source>Choose a Databricks workspace under Accounts → Databricks workspaces.</source>
        <translation>Wählen Sie einen Databricks-Workspace unter Konten → Databricks-Workspaces.</translation>
    </message>
</context>
<context>
    <name>Net::StaticTokenProvider</name>
    <message>
        <source>The access token was rejected and cannot be refreshed.</source>
        <translation>Das Zugriffstoken wurde abgelehnt und kann nicht erneuert werden.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot read the client secret file %1: %2</source>
        <translation>Die Client-Geheimnis-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file %1 has no client_secret: download the JSON of a &quot;Desktop app&quot; OAuth client from the Google Cloud console.</source>
        <translation>Die Datei %1 enthält kein client_secret: Laden Sie das JSON eines OAuth-Clients vom Typ „Desktop-App“ aus der Google Cloud Console herunter.</translation>
    </message>
    <message>
        <source>The client secret file %1 is empty.</source>
        <translation>Die Client-Geheimnis-Datei %1 ist leer.</translation>
    </message>
    <message>
        <source>checksum mismatch: Drive says %1, received %2</source>
        <translation>Prüfsumme stimmt nicht: Drive meldet %1, empfangen %2</translation>
    </message>
    <message>
        <source>The OS keychain refused the request (%1). On Linux a Secret Service (gnome-keyring or KWallet) must be running and unlocked in this session; for unattended runs use --service-account instead.</source>
        <translation>Der Schlüsselbund des Systems hat die Anfrage abgelehnt (%1). Unter Linux muss in dieser Sitzung ein Secret Service (gnome-keyring oder KWallet) laufen und entsperrt sein; für unbeaufsichtigte Läufe verwenden Sie stattdessen --service-account.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Waiting to start</source>
        <translation>Wartet auf Start</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Drive item %1</source>
        <translation>Drive-Element %1</translation>
    </message>
</context>
<context>
    <name>SandboxLauncher</name>
    <message>
        <source>The sandbox (drive-ingest-sandbox) was not found next to the application.</source>
        <translation>Die Sandbox (drive-ingest-sandbox) wurde neben der Anwendung nicht gefunden.</translation>
    </message>
    <message>
        <source>Sandbox (%1)</source>
        <translation>Sandbox (%1)</translation>
    </message>
    <message>
        <source>The sandbox did not start: %1</source>
        <translation>Die Sandbox ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Cannot write the sandbox token file in %1.</source>
        <translation>Die Token-Datei der Sandbox kann in %1 nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>Files in &amp;flight:</source>
        <translation>&amp;Gleichzeitige Dateien:</translation>
    </message>
    <message>
        <source>&amp;Streams per large file:</source>
        <translation>&amp;Verbindungen je großer Datei:</translation>
    </message>
    <message>
        <source>Drive &amp;request rate:</source>
        <translation>Drive-&amp;Anfragerate:</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source>&amp;Bandwidth cap:</source>
        <translation>&amp;Bandbreitenlimit:</translation>
    </message>
    <message>
        <source> MB/s</source>
        <translation> MB/s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>When a file &amp;exists:</source>
        <translation>Wenn eine Datei &amp;existiert:</translation>
    </message>
    <message>
        <source>Google files are exported as</source>
        <translation>Google-Dateien werden exportiert als</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Dokumente:</translation>
    </message>
    <message>
        <source>Spreadsheets:</source>
        <translation>Tabellen:</translation>
    </message>
    <message>
        <source>Presentations:</source>
        <translation>Präsentationen:</translation>
    </message>
    <message>
        <source>Drawings:</source>
        <translation>Zeichnungen:</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Use the s&amp;ystem proxy settings</source>
        <translation>Proxy-Einstellungen des S&amp;ystems verwenden</translation>
    </message>
    <message>
        <source>&amp;No proxy</source>
        <translation>&amp;Kein Proxy</translation>
    </message>
    <message>
        <source>&amp;Manual proxy:</source>
        <translation>&amp;Manueller Proxy:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Passwords and tokens are kept in the system keychain, never in these settings.</source>
        <translation>Passwörter und Tokens liegen im Schlüsselbund des Systems, nie in diesen Einstellungen.</translation>
    </message>
    <message>
        <source>Skip it when identical</source>
        <translation>Überspringen, wenn identisch</translation>
    </message>
    <message>
        <source>Overwrite it</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Beide behalten</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ThroughputChart</name>
    <message>
        <source>Throughput (MB/s)</source>
        <translation>Durchsatz (MB/s)</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
</context>
<context>
    <name>Transfer::Engine</name>
    <message>
        <source>Not listed again (%1)</source>
        <translation>Nicht erneut aufgelistet (%1)</translation>
    </message>
    <message>
        <source>Google file of type %1 cannot be exported</source>
        <translation>Google-Datei vom Typ %1 kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>Vom Benutzer abgebrochen</translation>
    </message>
</context>
<context>
    <name>Transfer::EngineHost</name>
    <message>
        <source>The run has no %1.</source>
        <translation>Dem Lauf fehlt: %1.</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>account</source>
        <translation>Konto</translation>
    </message>
</context>
<context>
    <name>Transfer::FileTransfer</name>
    <message>
        <source>No data for %1 s</source>
        <translation>Seit %1 s keine Daten</translation>
    </message>
    <message>
        <source>Unexpected response</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <source>The body ended after %1 of %2 bytes</source>
        <translation>Die Antwort endete nach %1 von %2 Bytes</translation>
    </message>
    <message>
        <source>size mismatch: Drive says %1 bytes, received %2</source>
        <translation>Größe stimmt nicht: Drive meldet %1 Bytes, empfangen %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>Transfer::RangedFetch</name>
    <message>
        <source>Unexpected Content-Range %1</source>
        <translation>Unerwarteter Content-Range %1</translation>
    </message>
    <message>
        <source>No data for %1 s</source>
        <translation>Seit %1 s keine Daten</translation>
    </message>
    <message>
        <source>The server ignored the Range header</source>
        <translation>Der Server hat den Range-Header ignoriert</translation>
    </message>
    <message>
        <source>Unexpected response</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <source>A part ended early</source>
        <translation>Ein Teil endete zu früh</translation>
    </message>
    <message>
        <source>Cannot read back what was written</source>
        <translation>Das Geschriebene kann nicht zurückgelesen werden</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>%1 PiB</source>
        <translation>%1 PiB</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>a transfer rate, %1 is a size such as &quot;12.3 MiB&quot;</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Stream Google Drive files into Databricks or a local folder.</source>
        <translation>Dateien aus Google Drive direkt nach Databricks oder in einen lokalen Ordner übertragen.</translation>
    </message>
    <message>
        <source>Start signed in to the bundled sandbox.</source>
        <translation>Angemeldet an der mitgelieferten Sandbox starten.</translation>
    </message>
    <message>
        <source>Run the demo ingest and save screenshots into &lt;dir&gt;.</source>
        <translation>Die Demo-Übernahme ausführen und Bildschirmfotos in &lt;dir&gt; speichern.</translation>
    </message>
    <message>
        <source>Local folder the demo ingest writes to.</source>
        <translation>Lokaler Ordner, in den die Demo-Übernahme schreibt.</translation>
    </message>
    <message>
        <source>Use a dark colour scheme.</source>
        <translation>Dunkles Farbschema verwenden.</translation>
    </message>
</context>
</TS>
