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
    <name>Auth::AccountService</name>
    <message>
        <source>No place to keep sign-ins in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in of &quot;%1&quot; is missing from the %2. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved sign-in of &quot;%1&quot; is unreadable. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place to keep credentials in this build.</source>
        <translation>Dieser Build hat keinen Ort für Zugangsdaten.</translation>
    </message>
    <message>
        <source>No Databricks credentials for %1 in the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved Databricks credentials for %1 are unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Auth::Accounts</name>
    <message>
        <source>no Google account is signed in (drive-ingest-cli login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; Databricks workspaces are named with --account URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Google accounts are signed in (%2): choose one with --account NAME</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Auth::AuthorizationCodeFlow</name>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished">Die Anmeldung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Auth::DatabricksCliToken</name>
    <message>
        <source>The Databricks CLI did not print a token (expected JSON with access_token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auth_type databricks-cli needs the Databricks CLI, but there is no &quot;databricks&quot; program on PATH. Install it (docs.databricks.com/dev-tools/cli/install) or choose another auth_type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not finish (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` gave no token (%2). Sign in with `%3`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1`: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Auth::DatabricksConfig</name>
    <message>
        <source>%1 names the Databricks profile &quot;%2&quot;, but there is no config file at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default_profile in [__settings__] of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: [__settings__] holds settings, not a Databricks profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names the Databricks profile &quot;%2&quot;, but %3 has no profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names the Databricks profile &quot;%2&quot;, but %3 has no such profile (it has: %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Databricks host &quot;%1&quot; (from %2) is not a workspace URL (https://&lt;workspace host&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one Databricks authorization method is configured: a token (from %1) and a client id and secret (from %2). Set auth_type (pat or oauth-m2m) to choose one, or remove one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Databricks client secret (from %1) needs its client id (client_id or DATABRICKS_CLIENT_ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Databricks client id %1 (from %2) needs its client secret (client_secret or DATABRICKS_CLIENT_SECRET).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auth_type pat (from %1) needs a token (token or DATABRICKS_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auth_type &quot;%1&quot; (from %2) is not one Drive Ingest supports: use pat, oauth-m2m, databricks-cli or oauth-u2m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Auth::DatabricksOAuthFlow</name>
    <message>
        <source>&quot;%1&quot; is not a Databricks workspace URL (https://&lt;workspace host&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 granted access but sent no refresh token (the OAuth app &quot;%2&quot; may have refresh tokens disabled), so the sign-in could not be kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Auth::DatabricksSignIn</name>
    <message>
        <source>%1 does not accept the OAuth app &quot;%2&quot; (%3). Use an app connection registered for this workspace: --client-id ID (app: the client id asked at sign-in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected the sign-in answer (%2): the code was already used or expired, or the PKCE verifier or redirect address did not match. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser sign-in to %1 is no longer valid (%2). Sign in again (app: Accounts → Databricks workspaces → Sign in to Databricks; command line: drive-ingest-cli databricks-login --host %1 --browser).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Databricks workspace URL (https://&lt;workspace host&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished">Die Anmeldung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Auth::DatabricksTokenProvider</name>
    <message>
        <source>Databricks refused the personal access token for %1 (expired or revoked). Create a new token and save it (app: Accounts → Databricks workspaces; command line: drive-ingest-cli databricks-login --host %1).</source>
        <translation>Databricks hat das persönliche Zugriffstoken für %1 abgelehnt (abgelaufen oder widerrufen). Erstellen Sie ein neues Token und speichern Sie es (App: Konten → Databricks-Workspaces; Befehlszeile: drive-ingest-cli databricks-login --host %1).</translation>
    </message>
    <message>
        <source>%1 refused the service principal&apos;s token (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the personal access token (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace at %1: the host name does not resolve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not check the credentials now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not answer like a Databricks workspace (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Databricks workspace URL (https://&lt;workspace host&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Auth::GoogleOAuthFlow</name>
    <message>
        <source>No OAuth client id: create a &quot;Desktop app&quot; OAuth client in the Google Cloud console and pass its id (see README, &quot;Sign in to Google&quot;).</source>
        <translation>Keine OAuth-Client-ID: Legen Sie in der Google Cloud Console einen OAuth-Client vom Typ „Desktop-App“ an und geben Sie dessen ID an (siehe README, „Sign in to Google“).</translation>
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
    <name>Auth::TokenStore</name>
    <message>
        <source>The OS keychain did not answer within 60 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BodyCheck</name>
    <message>
        <source>The server sent %1, more than %2: the file is not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s response headers were missing or over Qt&apos;s limits (a field over 100 KiB, or more than 100 fields): the response cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Length %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected Content-Range %1 for a request from byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Range %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a longer body</source>
        <translation type="unfinished"></translation>
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
    <name>BrowserPanel</name>
    <message>
        <source>Search in Drive…</source>
        <translation type="unfinished">In Drive suchen…</translation>
    </message>
    <message>
        <source>Filters the loaded items at once, and asks Drive for every name that contains the text.</source>
        <translation type="unfinished">Filtert sofort die geladenen Einträge und fragt Drive nach allen Namen, die den Text enthalten.</translation>
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
    <name>CatalogPicker</name>
    <message>
        <source>Choose a Volume in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog / schema / volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New volume…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a managed volume in the selected schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder inside the volume (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing catalogs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogs could not be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace shows no catalogs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be listed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished">unbekannt</translation>
    </message>
    <message>
        <source>writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permissions could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may write files into this volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{yyyy}, {mm}, {dd} and {job} are filled in when the run starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files land in %1 ({yyyy}, {mm}, {dd} and {job} are filled in when the run starts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the managed volume to create in %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The volume could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>No signed-in Google account &quot;%1&quot;. Sign in first: drive-ingest-cli login --account %1 (drive-ingest-cli accounts lists the accounts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Databricks workspace URL (https://&lt;workspace host&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-file needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: drive-ingest-cli &lt;command&gt; [options] [arguments]
       drive-ingest-cli --help | --version | &lt;command&gt; --help

Global options: -v, --verbose (the engine&apos;s log on stderr), --log-file FILE (the log into FILE).

Stream Google Drive files into a local folder, a Unity Catalog Volume or DBFS.

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drive-ingest-cli: unknown command &apos;%1&apos;. Try &apos;drive-ingest-cli --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drive-ingest-cli: cannot open the log file %1: %2</source>
        <translation>drive-ingest-cli: Die Protokolldatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within 60 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (drive-ingest-cli login --account %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Run: drive-ingest-cli databricks-login --host %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes:
  0    every file done (or skipped: already at the destination)
  1    the run ended, but some files failed or were parked (quota: retry later), or a SOURCE
       was not found (a well-formed id that does not exist or is not shared with you)
  2    usage error: bad option, a SOURCE that is not a Drive id or link, a DEST of unknown form or
       an existing file
  3    authentication: no token, or the token was refused and could not be refreshed
  4    destination or local error: DEST cannot be created or written, disk full
       (the run stopped early)
  5    journal: in use by another drive-ingest process, its folder read-only or full, or
       written by a newer version (nothing was fetched; --no-journal runs without it)
  130  interrupted (SIGINT: Ctrl-C, or SIGTERM); finished files stay, nothing half-written
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal (an SQLite file) that remembers jobs, runs and files (default $XDG_STATE_HOME/drive-ingest/journal.sqlite, else ~/.local/state/drive-ingest/journal.sqlite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without the journal: remember nothing, skip nothing an earlier run did (as before journals existed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name this job (the same sources into the same destination are one job either way); &apos;jobs&apos; lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check files an earlier run finished at the destination again instead of trusting the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--journal takes a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--job takes a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a rerun, delete the copies this job landed of files removed from Drive or moved out of the sources (never anything else); without it they are reported and left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--no-journal cannot be combined with --journal, --job or --mirror</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::AccountsCommand</name>
    <message>
        <source>List the signed-in Google accounts and Databricks workspaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts. Sign in with: drive-ingest-cli login</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::Auth</name>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the browser&apos;s answer on %1 …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::Command</name>
    <message>
        <source>Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;drive-ingest-cli %1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::DatabricksLoginCommand</name>
    <message>
        <source>Save Databricks credentials for a workspace: a personal access token, or with --client-id a service principal&apos;s OAuth secret. The secret is read from standard input and saved only once the workspace accepts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace URL, e.g. https://dbc-a1b2c3d4-e5f6.cloud.databricks.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token or secret is read from standard input, never from an argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--host takes the workspace URL (https://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal access token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing on standard input: pipe the token or secret in, e.g. drive-ingest-cli databricks-login --host URL &lt; token-file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1 as %2; saved the credentials in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service principal&apos;s OAuth client id (machine-to-machine); its secret comes on standard input. With --browser: the OAuth app to sign in with (default: databricks-cli).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as yourself in the browser (OAuth U2M) instead of reading a token; the sign-in is refreshed as needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --browser: do not open a browser; print the address to open instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --browser: receive the browser&apos;s answer on this port of localhost (default: 8020, or the next free one up to 8040).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --browser: give up after this many seconds without an answer (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port takes a port number (1-65535)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in could not be kept, so it was not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in, but the sign-in could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1 as %2; saved the sign-in in the OS keychain. Runs into this workspace use it: drive-ingest-cli ingest … --databricks-host %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::DryRunPlan</name>
    <message>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: nothing was written. What a real run would do (--on-conflict %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals: listed: %1 · to write: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + Google files of unknown size until exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · already there, same: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · there but different, left alone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · not taken: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::ExportMap</name>
    <message>
        <source>--export needs kind=format pairs, e.g. docs=pdf,sheets=csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not kind=format (e.g. docs=pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown Google file kind &apos;%1&apos; (docs, sheets, slides, drawings, script or a mime type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive cannot export %1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive cannot export %1 as &apos;%2&apos; (it offers %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::GoogleAccess</name>
    <message>
        <source>Point every Google and Databricks endpoint at a drive-ingest-sandbox base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also trust this PEM CA (the sandbox&apos;s --tls CA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the Google access token from this file (or set DRIVE_INGEST_ACCESS_TOKEN). Tokens are never taken from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the signed-in Google account NAME (see &apos;login&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a service account key file for an unattended run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --service-account: act as this user (domain-wide delegation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sandbox takes a base URL such as http://127.0.0.1:8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ca-file: cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use only one of --access-token-file, --account and --service-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--subject needs --service-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>using account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--account and --service-account are not available in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--access-token-file: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no access token: use --access-token-file FILE, set %1, or sign in and use --account NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the OAuth authorization endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the OAuth token endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the OAuth revocation endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::IngestCommand</name>
    <message>
        <source>Copy Drive files and folder trees (recursively) into a destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination folder: a local folder (created if missing), a Volume /Volumes/&lt;catalog&gt;/&lt;schema&gt;/&lt;volume&gt;[/path] (also dbfs:/Volumes/...), or dbfs:/path. A local folder under /Volumes or /dbfs is written local:/Volumes/...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in flight (default 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export formats for Google files, e.g. docs=pdf,sheets=csv,slides=pptx,drawings=png (extensions or mime types; default docx, xlsx, pptx, svg).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a file of that name is already at the destination: skip (never touch it; default), update (replace it when its size or hash differs), overwrite (always replace), keep-both (land the new one beside it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan only: list every file with what a real run would do (new, same, different: by --on-conflict) and the totals; write nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a JSON report: one record per file and the totals (written atomically).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress display and no summary; errors only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up on a request that keeps failing (server unreachable, errors, throttling) once its waits between tries add up to DURATION, e.g. 30s, 2m, 1h; 0 = no retries (default 10m; 8 tries at most either way).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit the whole run to RATE per second: bytes (65536), K/M/G = KiB/MiB/GiB (20M, 500k), KB/MB/GB decimal (20MB), KiB/MiB/GiB, optionally with /s (20MB/s); bits as 10Mbit, 10Mbps or 10Mb/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to copy: a Drive file or folder id; a share link of any form (/file/d/…, open?id=…, /drive/folders/…, Docs/Sheets/Slides links, ?resourcekey= kept); root or https://drive.google.com/drive/my-drive for the whole of My Drive. Folders are taken recursively, shortcuts followed. &apos;drive-ingest-cli ls&apos; shows ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress: a live display on a terminal, otherwise one line every 5 seconds; a summary at the end.
Ctrl-C (SIGINT) or SIGTERM cancels cleanly (finished files stay, unfinished ones leave nothing); a second
one quits at once. Finished files are skipped when the same command runs again.
-v/--verbose shows the engine&apos;s log on stderr; --log-file FILE writes it to FILE.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SOURCE given (a Drive id or share link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Drive id or a Drive share link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to DEST is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--parallel takes a number from 1 to 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--streams takes a number from 1 to 16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--on-conflict takes skip, update, overwrite or keep-both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bandwidth takes a rate such as 20M, 20MB/s, 500k, 1.5GiB or 10Mbit (per second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--retry-timeout takes a duration such as 30s, 2m or 1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report takes a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report: cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write into %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Authentication failed for %1: %2 — stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file failed or was parked.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files failed or were parked.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Drive requests per second to start at (default 10). Given alone it is a fixed pace; without it the pace rises while Drive does not throttle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most Drive requests per second the pace may rise to (default 200: Google&apos;s per-user quota of 12,000 a minute).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a positive number of requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranged streams per large file, 1 to 16 (default: one, more while they raise the rate).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::JobsCommand</name>
    <message>
        <source>No journal at %1: no job has run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job named or keyed &quot;%1&quot; (&apos;jobs&apos; lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; starts the keys of several jobs: give more of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the journal&apos;s jobs; &apos;jobs show NAME|KEY&apos; lists a job&apos;s runs, &apos;jobs forget NAME|KEY&apos; forgets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job by its --job name or its key (a unique start of 6 characters or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job is the same sources into the same destination: running the same ingest again goes on with it
(files done in an earlier run are skipped at once). Forgetting a job changes nothing at the destination.
Exit codes: 0 fine, 2 usage, 5 the journal cannot be read (in use by a running ingest, damaged, newer).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected no argument, &apos;show NAME|KEY&apos; or &apos;forget NAME|KEY&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot job %1 (%2); nothing at %3 was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>last run: %1 (%n run(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>files: %1 done, %2 failed, %3 pending, %4 skipped; %5 landed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1: started %2, ended %3, %4; %5 file(s) touched, %6 done, %7 moved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::LogTableOptions</name>
    <message>
        <source>Append one row per file of the run to this Delta table (created if missing) through the SQL Statement Execution API of the destination&apos;s workspace; needs --warehouse. A failing log never fails the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQL warehouse that runs --log-table&apos;s statements (its id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--warehouse is for --log-table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-table needs --warehouse ID (the SQL warehouse that writes the log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-table needs a Volume or DBFS destination: the log is written through that workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::LoginCommand</name>
    <message>
        <source>Sign in to a Google account in the browser and keep the sign-in in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for this account (default: the account&apos;s e-mail address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not open a browser; print the address to open instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your OAuth client id (type &quot;Desktop app&quot;; see README, &quot;Sign in to Google&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client&apos;s JSON file from the Google Cloud console, or a file with the client secret on its first line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive the browser&apos;s answer on this 127.0.0.1 port (default: a random free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after this many seconds without an answer (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an OAuth client is needed: --client-secret-file FILE (the JSON of a &quot;Desktop app&quot; client from the Google Cloud console), optionally with --client-id ID. The README section &quot;Sign in to Google&quot; shows how to create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port takes a port number (1-65535)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in could not be kept, so it was not started: %1
Start and unlock a keyring first: gnome-keyring (gnome-keyring-daemon --start --components=secrets, in a D-Bus session) or KWallet; or use --service-account for unattended runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in, but the sign-in could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as &quot;%1&quot;. Use it with: drive-ingest-cli ingest … --account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser&apos;s answer arrives on http://127.0.0.1:&lt;port&gt;/ (this machine only). Nothing secret is printed or written to settings: the refresh token and the client secret go to the OS keychain.
With --sandbox URL the sandbox&apos;s built-in OAuth client is used.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::LogoutCommand</name>
    <message>
        <source>Sign out: revoke the sign-in, delete it from the OS keychain and forget the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Google account name, or a Databricks workspace URL (default: the only Google account).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account is signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no signed-in account &quot;%1&quot; (see drive-ingest-cli accounts)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::LsCommand</name>
    <message>
        <source>drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List a Drive folder (or My Drive, shared drives, Shared with me): type, size, modified, id, name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every folder below too, each under a line with its path (as &apos;ingest&apos; would walk it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What &apos;ingest&apos; takes (an id, a share link, root for My Drive; default root), or shared-drives, or shared-with-me.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples:
  drive-ingest-cli ls                       My Drive, top level
  drive-ingest-cli ls shared-drives         the shared drives and their ids
  drive-ingest-cli ls shared-with-me -R     everything shared with you
  drive-ingest-cli ls FOLDER_ID -R          what &apos;ingest FOLDER_ID&apos; would copy

Exit codes: 0 listed; 1 a SOURCE or a folder could not be listed; 2 usage error; 3 authentication.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ls takes one SOURCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Drive id, a Drive share link, root, shared-drives or shared-with-me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MODIFIED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::ProgressDisplay</name>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 parked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throttled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files %1/%2%3  done %4 · skipped %5 · failed %6 · parked %7 · active %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avg %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elapsed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limited by %1</source>
        <translation>begrenzt durch %1</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 done, %2 skipped, %3 failed, %4 parked, %5 not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 transferred in %2, average %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests, %2 throttled by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more (see --report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Parked (quota; retry later):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests %1/s (pace %2/s: %3) · throttled %4 total, %5 last second</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::RunOutcome</name>
    <message>
        <source>Ctrl-C (SIGINT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Ctrl-C again to quit at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second %1 quits at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping on %1: finished files stay, unfinished ones leave nothing behind. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the same command again to continue: the files finished so far (%1) are skipped, the others are copied from the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files finished so far (%1) stay; with this --on-conflict policy a new run copies them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (sandbox): its demo tree fails some files on purpose (the Faulty folder, a dangling shortcut, a form that cannot be exported), so a run of the whole demo ends with exit code 1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::VerifyCommand</name>
    <message>
        <source>Check a job&apos;s files at its destination against the journal&apos;s receipts: missing, changed and extra files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job by its --job name or its key (&apos;jobs&apos; lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one JOB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify checks local folders only for now; %1 is a Databricks destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed: %1 (%2 bytes, the receipt says %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed: %1 (%2 %3, the receipt says %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file(s) checked: %2 missing, %3 changed, %4 extra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra files were not looked for: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli::Workspace</name>
    <message>
        <source>The Databricks workspace URL for Volume and DBFS destinations (default: from --profile, DATABRICKS_HOST or ~/.databrickscfg; with --sandbox and none of those: the sandbox).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ~/.databrickscfg profile (or $DATABRICKS_CONFIG_FILE&apos;s) naming the workspace and its credentials, as the Databricks CLI and SDKs read it (auth_type pat, oauth-m2m, databricks-cli, oauth-u2m).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databricks workspace (Volume and DBFS destinations), as the Databricks CLI and SDKs find it: options
first (--databricks-host, --profile), then DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_CLIENT_ID,
DATABRICKS_CLIENT_SECRET, DATABRICKS_AUTH_TYPE, DATABRICKS_CONFIG_PROFILE, then the profile in
~/.databrickscfg or $DATABRICKS_CONFIG_FILE (--profile, else DATABRICKS_CONFIG_PROFILE, else
[__settings__] default_profile, else DEFAULT). Without a named profile, a host or credential in the
environment means the file is not read. With --sandbox and no workspace named, the sandbox is the
workspace. Credentials not configured there are those &apos;databricks-login&apos; kept for the host. The file
is only read, never written.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is only for Volume (/Volumes/...) and DBFS (dbfs:/...) destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--databricks-host: &quot;%1&quot; is not a Databricks workspace URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile takes the name of a profile in ~/.databrickscfg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host from --sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (a local folder there is written local:%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a Databricks %2 destination: it needs a workspace: --databricks-host URL, --profile NAME or DATABRICKS_HOST%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auth_type databricks-cli (%1) needs the Databricks CLI, but there is no &quot;databricks&quot; program on PATH. Install it or choose another auth_type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auth_type oauth-u2m (%1) uses the browser sign-in kept for %2, and there is none. Sign in: drive-ingest-cli databricks-login --host %2 --browser</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>%1, %2 to retry later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (finished)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0/s, %1 throttled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited by %1</source>
        <translation>Begrenzt durch %1</translation>
    </message>
    <message>
        <source>%1 requests/s, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabricksDestination</name>
    <message>
        <source>The path %1 would leave %2.</source>
        <translation type="unfinished">Der Pfad %1 würde %2 verlassen.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 bytes, more than the %3 expected.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Checking the token with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – profile %2 (%3) from ~/.databrickscfg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from %1; edit that file to change or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace of profile %1 (~/.databrickscfg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in to Databricks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to a workspace as yourself in the browser; no token to create or paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Databricks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth &amp;app (client id):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabricksTarget</name>
    <message>
        <source>Sandbox (%1)</source>
        <translation>Sandbox (%1)</translation>
    </message>
    <message>
        <source>Choose the Databricks workspace to write to, next to the destination (or add one under Accounts → Databricks workspaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (profile %2 from ~/.databrickscfg)</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Add the workspace again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; in %2 names no workspace (host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile asks for the browser sign-in to %1, and there is none: sign in to Databricks first.</source>
        <translation type="unfinished"></translation>
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
    <message numerus="yes">
        <source>Gave up after %n tries: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dest::DatabricksSink</name>
    <message>
        <source>The destination is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 bytes after the upload was accepted; %3 were sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is at %1 after the upload was accepted</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>%1 already exists: not replaced.</source>
        <translation type="unfinished"></translation>
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
    <name>Dest::Destination</name>
    <message>
        <source>%1 is outside the destination or has a symbolic link on the way: not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dest::DestinationFactory</name>
    <message>
        <source>%1 is a Databricks %2 destination: it needs a Databricks workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dest::DestinationSpec</name>
    <message>
        <source>a Volume path looks like /Volumes/&lt;catalog&gt;/&lt;schema&gt;/&lt;volume&gt;[/path]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (for a local folder write local:%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a DBFS path looks like dbfs:/path/to/folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the destination folder is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown destination scheme &apos;%1:&apos; (use a local folder, /Volumes/&lt;catalog&gt;/&lt;schema&gt;/&lt;volume&gt;/… or dbfs:/…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: the destination is always a folder (the files land inside it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist and cannot be created.</source>
        <translation>Der Ordner %1 existiert nicht und kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>Der Ordner %1 ist nicht beschreibbar.</translation>
    </message>
</context>
<context>
    <name>Dest::FolderTemplate</name>
    <message>
        <source>Unknown placeholder %1 in the folder: use {yyyy}, {mm}, {dd} or {job}.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>%1 is a symbolic link; links in the destination are not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough space for this file: it needs %1 bytes, %2 are free in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unfinished file %1 could not be removed (%2); delete it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dest::SinkFeeder</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Dest::SqlStatements</name>
    <message>
        <source>the statement failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the statement ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SQL statements API gave an answer without a state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dest::VolumeAccess</name>
    <message>
        <source>You cannot write into this volume: %1 missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WRITE VOLUME on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USE CATALOG on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USE SCHEMA on %1</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>The workspace no longer knows the upload session of %1; the file starts again from its first byte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DestinationChoice</name>
    <message>
        <source>Choose where the files should go.</source>
        <translation>Wählen Sie, wohin die Dateien sollen.</translation>
    </message>
    <message>
        <source>A Volume path looks like /Volumes/catalog/schema/volume/folder.</source>
        <translation>Ein Volume-Pfad sieht so aus: /Volumes/katalog/schema/volume/ordner.</translation>
    </message>
    <message>
        <source>A DBFS path looks like dbfs:/folder.</source>
        <translation>Ein DBFS-Pfad sieht so aus: dbfs:/ordner.</translation>
    </message>
    <message>
        <source>%1 is a Databricks Volume path: choose &quot;Databricks Volume&quot;, or write local:%1 for a folder on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a DBFS path: choose &quot;DBFS&quot;, or write local:%1 for a folder on this computer.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>in &amp;workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Databricks workspace this run writes to (Accounts → Databricks workspaces keeps them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Unity Catalog Volume: /Volumes/catalog/schema/volume/folder, in the workspace chosen on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A DBFS folder: dbfs:/folder, in the workspace chosen on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder on this computer; folders that do not exist yet are created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none kept yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a volume from the workspace&apos;s Unity Catalog.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Drive</name>
    <message>
        <source>not listed again: a folder inside itself (a loop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not listed again: the folder is already taken through another path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the trash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Drive::ChangesFeed</name>
    <message>
        <source>Drive gave no start page token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive ended a changes listing without a new start page token</source>
        <translation type="unfinished"></translation>
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
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>Interrupted ingest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the interrupted ingest into %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resume the ingest of %Ln file into %1?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resume the ingest of %Ln files into %1?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the account first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run the job again: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished">Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished">Datei</translation>
    </message>
    <message>
        <source>Destination path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished">Grund</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a run of the job&apos;s sources into its destination: files done before are skipped, unfinished ones go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ingest has been recorded yet (journal: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>The first %L1 receipts of this run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts of this run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished">Übersprungen</translation>
    </message>
</context>
<context>
    <name>IngestLogFlow</name>
    <message>
        <source>Writing the ingest log to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IngestLogPanel</name>
    <message>
        <source>Load the landed files with Databricks SQL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy both statements to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Journal::Reader</name>
    <message>
        <source>written by a newer version of drive-ingest (schema %1; this one reads %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Journal::Store</name>
    <message>
        <source>The journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job name &quot;%1&quot; already names another job (into %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The journal %1: cannot record %n file(s): %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>it is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot keep the journal in %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 is not a writable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 is in use by another drive-ingest process (pid %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 is in use by another drive-ingest process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock the journal %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quick_check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>quick_check found %n problem(s), the first: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cannot switch to WAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1: SQLite keeps it in journal mode &quot;%2&quot;, not WAL (a network file system?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set its pragmas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read its version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 was written by a newer version of drive-ingest (schema %2; this one reads %3); it was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create its tables: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 is damaged (%2) and cannot be moved aside to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 was damaged (%2); it was moved to %3 and a new journal was started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalDestination</name>
    <message>
        <source>Disk full while writing %1.</source>
        <translation type="unfinished">Datenträger voll beim Schreiben von %1.</translation>
    </message>
    <message>
        <source>Permission denied: %1.</source>
        <translation type="unfinished">Zugriff verweigert: %1.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; links in the destination are not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished">%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The path %1 would leave %2.</source>
        <translation type="unfinished">Der Pfad %1 würde %2 verlassen.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 bytes, more than the %3 expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists: not replaced.</source>
        <translation type="unfinished"></translation>
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
        <source>Clear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the files done or skipped; failed, cancelled and “retry later” files stay and are tried again by the next Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up &amp;Google sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files done, %2 skipped, %3 failed, %4 to retry later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% – Drive Ingest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled in the app</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Net</name>
    <message>
        <source>Unity Catalog answered %1 with something that is not the expected JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fixed pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests come slower than the pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raising the pace: Drive has not throttled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just under Drive&apos;s quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive asked to wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the ceiling (--qps-max)</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>No account to refresh the token of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep files of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read files of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list a folder&apos;s names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move a file it holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove a file it holds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>Show every file of the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files that failed, wait to be retried later or were cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files being listed, transferred, verified or paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files and sources waiting to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files done or skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Click to sort by state: failed first, then active, queued and done; again for the other way round, a third time for the run&apos;s order</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Leave it alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace it when different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingest log table (Databricks runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalog.schema.table (empty: no log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL &amp;warehouse ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ingest log needs the SQL warehouse that writes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: one stream to start, more while they raise the rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInHelp</name>
    <message>
        <source>&lt;p&gt;Drive Ingest signs in to Google with an &lt;b&gt;OAuth client of your own&lt;/b&gt;: a small JSON file (&lt;tt&gt;client_secret_….json&lt;/tt&gt;) that tells Google which app asks for access. It is not your password. Drive Ingest remembers where the file is; the client secret and your sign-in go to the system keychain.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Making one takes a few minutes, once:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;In the &lt;a href=&quot;https://console.cloud.google.com/&quot;&gt;Google Cloud console&lt;/a&gt;, create or pick a project and enable the &lt;b&gt;Google Drive API&lt;/b&gt; (APIs &amp;amp; Services → Library).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Google Auth Platform&lt;/b&gt; → &lt;i&gt;Get started&lt;/i&gt;: an app name, your e-mail, audience &lt;b&gt;External&lt;/b&gt; (or &lt;b&gt;Internal&lt;/b&gt; if everyone is in your Workspace organisation).&lt;/li&gt;&lt;li&gt;&lt;i&gt;Data access&lt;/i&gt; → add the scope &lt;tt&gt;https://www.googleapis.com/auth/drive.readonly&lt;/tt&gt;.&lt;/li&gt;&lt;li&gt;&lt;i&gt;Audience&lt;/i&gt; → while the app is in “Testing”, add yourself (and every other user) as a &lt;b&gt;test user&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;&lt;i&gt;Clients&lt;/i&gt; → &lt;i&gt;Create client&lt;/i&gt; → application type &lt;b&gt;Desktop app&lt;/b&gt; → download its JSON file.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Then choose that file in &lt;i&gt;Accounts → Sign in with Google…&lt;/i&gt;. These steps are also under &lt;i&gt;Help → Setting up Google sign-in&lt;/i&gt; and in the README, &lt;a href=&quot;%1&quot;&gt;“Sign in to Google”&lt;/a&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with Google</source>
        <translation>Mit Google anmelden</translation>
    </message>
    <message>
        <source>Choose the client file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up Google sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThroughputChart</name>
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
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Throughput (MiB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>already at the destination (an export: nothing to compare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already at the destination (same size; the destination gives no hash to compare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already at the destination (same size and %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Drive request pacing</source>
        <translation>die Anfragerate von Google Drive</translation>
    </message>
    <message>
        <source>Databricks (upload side)</source>
        <translation>Databricks (Upload-Seite)</translation>
    </message>
    <message>
        <source>the local disk</source>
        <translation>den lokalen Datenträger</translation>
    </message>
    <message>
        <source>your bandwidth cap</source>
        <translation>Ihr Bandbreitenlimit</translation>
    </message>
    <message>
        <source>the network</source>
        <translation>das Netzwerk</translation>
    </message>
</context>
<context>
    <name>Transfer::BodyStream</name>
    <message>
        <source>the %1 bytes of the range asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to open the server&apos;s link %1: only https (or http on loopback) is followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ignored the Range header</source>
        <translation>Der Server hat den Range-Header ignoriert</translation>
    </message>
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
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer::ConflictDecision</name>
    <message>
        <source>a different file with this name is already there: left alone (policy &quot;skip&quot;; &quot;update&quot; or &quot;overwrite&quot; would replace it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: new, would be copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: already there with the same content, would be skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: a different file is there, would be left alone (skip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: already there with the same content, would be replaced (overwrite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: a different file is there, would be replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: a file is there, would be copied beside it (keep-both)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer::Engine</name>
    <message>
        <source>Google file of type %1 cannot be exported</source>
        <translation>Google-Datei vom Typ %1 kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>Vom Benutzer abgebrochen</translation>
    </message>
    <message>
        <source>The path is longer than %1 bytes: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its unfinished file could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done in an earlier run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive refused the stored changes token (%1): listing everything again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read Drive&apos;s changes (%1): listing everything again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: its folder was renamed or moved in Drive, would move to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: renamed or moved in Drive, would move to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: removed from Drive, its copy would be deleted (--mirror)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: removed from Drive, its copy would be left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed from Drive; its copy was deleted (--mirror)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed from Drive; its copy was left at the destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed from Drive; its copy could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 removed since %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved in Drive and fetched again at its new place; the old copy was left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved in Drive and fetched again at its new place; the old copy was deleted (--mirror)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved in Drive; its old copy could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s receipts were not written: cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s receipts were not written to %1: %2</source>
        <translation type="unfinished"></translation>
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
        <source>size mismatch: Drive says %1 bytes, received %2</source>
        <translation>Größe stimmt nicht: Drive meldet %1 Bytes, empfangen %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>the export cap of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export endpoint&apos;s 10 MB limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 bytes Drive declared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer::IngestLog</name>
    <message>
        <source>&quot;%1&quot; is not a table name of the form CATALOG.SCHEMA.TABLE (letters, digits and _; or `quoted`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ingest log: %n row written to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ingest log: %n rows written to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ingest log failed: %1 (%2 of %3 rows written to %4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer::LoadSnippet</name>
    <message>
        <source>-- Load the files into a Delta table (re-running loads only new files):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- Or query them in place:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer::RangedFetch</name>
    <message>
        <source>Cannot read back what was written</source>
        <translation>Das Geschriebene kann nicht zurückgelesen werden</translation>
    </message>
</context>
<context>
    <name>Transfer::ReportFormat</name>
    <message>
        <source>cannot write the report %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer::RunJournal</name>
    <message>
        <source>changed in Drive since the interrupted run (a new revision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed in Drive since the interrupted run (its size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed in Drive since the interrupted run (its checksum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported to another format than in the earlier run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Google file without a version cannot be recognised</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer::Wait</name>
    <message>
        <source>%1 asked to wait %2 (throttled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, longer than the %1 any server may hold the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; requests resume in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying %1: %2 (try %3 of %4 failed, next in %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n more request(s) waiting to retry</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
    <name>Util</name>
    <message>
        <source>%1 is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a folder in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write into %1: %2</source>
        <translation type="unfinished"></translation>
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
