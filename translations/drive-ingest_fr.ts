<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Auth</name>
    <message>
        <source>Could not sign the service-account token with the key of %1.</source>
        <translation>Impossible de signer le jeton du compte de service avec la clé de %1.</translation>
    </message>
    <message>
        <source>Could not reach the sign-in server for %1 (%2). Check the network and try again.</source>
        <translation>Le serveur de connexion pour %1 est injoignable (%2). Vérifiez le réseau et réessayez.</translation>
    </message>
    <message>
        <source>The sign-in server is busy or failing for %1 (HTTP %2, %3). Try again in a moment.</source>
        <translation>Le serveur de connexion pour %1 est surchargé ou en panne (HTTP %2, %3). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Google refused the service account %1 (%2). When a subject (--subject) is used, a Workspace administrator must allow domain-wide delegation of the Drive scope for this service account&apos;s client id.</source>
        <translation>Google a refusé le compte de service %1 (%2). Avec un sujet (--subject), un administrateur Workspace doit autoriser la délégation à l&apos;échelle du domaine pour la portée Drive de l&apos;ID client de ce compte de service.</translation>
    </message>
    <message>
        <source>The Databricks workspace %1 refused the service principal&apos;s client id or secret (%2). Check them and save them again (app: Accounts → Databricks workspaces; command line: drive-ingest-cli databricks-login).</source>
        <translation>L’espace de travail Databricks %1 a refusé l’identifiant client ou le secret du principal de service (%2). Vérifiez-les et enregistrez-les à nouveau (application : Comptes → Espaces de travail Databricks ; ligne de commande : drive-ingest-cli databricks-login).</translation>
    </message>
    <message>
        <source>The OAuth client id or client secret used for %1 is wrong or was deleted (%2). Check the client in the Google Cloud console (it must be of type &quot;Desktop app&quot;) and sign in again.</source>
        <translation>L&apos;ID client ou le secret client OAuth utilisé pour %1 est erroné ou a été supprimé (%2). Vérifiez le client dans la console Google Cloud (il doit être de type « Application de bureau ») et reconnectez-vous.</translation>
    </message>
    <message>
        <source>Access was denied for %1: the sign-in was cancelled or Drive access was not granted (%2). Sign in again and allow access to Google Drive.</source>
        <translation>L&apos;accès a été refusé pour %1 : la connexion a été annulée ou l&apos;accès à Drive n&apos;a pas été accordé (%2). Reconnectez-vous et autorisez l&apos;accès à Google Drive.</translation>
    </message>
    <message>
        <source>Google rejected the sign-in answer for %1 (%2): the code was already used or expired, or the PKCE verifier or redirect address did not match. Start the sign-in again.</source>
        <translation>Google a rejeté la réponse de connexion pour %1 (%2) : le code a déjà servi ou a expiré, ou le vérificateur PKCE ou l&apos;adresse de redirection ne correspondait pas. Recommencez la connexion.</translation>
    </message>
    <message>
        <source>The saved Google sign-in of %1 is no longer valid (%2): it was revoked, expired or replaced. Sign in again (app: Accounts → Sign in with Google; command line: drive-ingest-cli login --account %1).</source>
        <translation>La connexion Google enregistrée de %1 n’est plus valide (%2) : elle a été révoquée, a expiré ou a été remplacée. Reconnectez-vous (application : Comptes → Se connecter avec Google ; ligne de commande : drive-ingest-cli login --account %1).</translation>
    </message>
    <message>
        <source>Google rejected the signature of service account %1 (%2): the key in the key file was deleted or replaced in the Google Cloud console. Create a new key and use its JSON file.</source>
        <translation>Google a rejeté la signature du compte de service %1 (%2) : la clé du fichier a été supprimée ou remplacée dans la console Google Cloud. Créez une nouvelle clé et utilisez son fichier JSON.</translation>
    </message>
    <message>
        <source>Google rejected the service-account token of %1 because this computer&apos;s clock is wrong (%2). Set the system clock (enable NTP time sync) and try again.</source>
        <translation>Google a rejeté le jeton du compte de service %1 car l&apos;horloge de cet ordinateur est fausse (%2). Réglez l&apos;horloge système (activez la synchronisation NTP) et réessayez.</translation>
    </message>
    <message>
        <source>Google rejected the service account %1 (%2). Check that the key file is current and, with --subject, that the user exists in the domain.</source>
        <translation>Google a refusé le compte de service %1 (%2). Vérifiez que le fichier de clé est à jour et, avec --subject, que l&apos;utilisateur existe dans le domaine.</translation>
    </message>
    <message>
        <source>The sign-in of %1 was already revoked or expired.</source>
        <translation>La connexion de %1 était déjà révoquée ou expirée.</translation>
    </message>
    <message>
        <source>The sign-in server refused the request for %1 (HTTP %2, %3).</source>
        <translation>Le serveur de connexion a refusé la requête pour %1 (HTTP %2, %3).</translation>
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
        <translation>Cette version ne peut pas conserver d’identifiants.</translation>
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
        <translation type="unfinished">La connexion a été annulée.</translation>
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
        <translation type="unfinished">La connexion a été annulée.</translation>
    </message>
</context>
<context>
    <name>Auth::DatabricksTokenProvider</name>
    <message>
        <source>Databricks refused the personal access token for %1 (expired or revoked). Create a new token and save it (app: Accounts → Databricks workspaces; command line: drive-ingest-cli databricks-login --host %1).</source>
        <translation>Databricks a refusé le jeton d’accès personnel pour %1 (expiré ou révoqué). Créez un nouveau jeton et enregistrez-le (application : Comptes → Espaces de travail Databricks ; ligne de commande : drive-ingest-cli databricks-login --host %1).</translation>
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
        <translation>Aucun ID client OAuth : créez un client OAuth « Application de bureau » dans la console Google Cloud et indiquez son ID (voir le README, « Sign in to Google »).</translation>
    </message>
    <message>
        <source>this sign-in</source>
        <translation>cette connexion</translation>
    </message>
    <message>
        <source>Google granted access but sent no refresh token, so the sign-in could not be kept. Remove Drive Ingest&apos;s access at https://myaccount.google.com/permissions and sign in again.</source>
        <translation>Google a accordé l&apos;accès sans envoyer de jeton d&apos;actualisation : la connexion ne peut pas être conservée. Retirez l&apos;accès de Drive Ingest sur https://myaccount.google.com/permissions et reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>Auth::GoogleTokenProvider</name>
    <message>
        <source>The Google sign-in of %1 is no longer valid. Sign in again.</source>
        <translation>La connexion Google de %1 n&apos;est plus valide. Reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>Auth::KeychainTokenStore</name>
    <message>
        <source>OS keychain</source>
        <translation>trousseau du système</translation>
    </message>
</context>
<context>
    <name>Auth::LoopbackListener</name>
    <message>
        <source>No answer from the browser: the sign-in timed out. Start it again.</source>
        <translation>Pas de réponse du navigateur : la connexion a expiré. Recommencez.</translation>
    </message>
    <message>
        <source>port %1 is already in use: choose another port or let the app pick a free one.</source>
        <translation>le port %1 est déjà utilisé : choisissez-en un autre ou laissez l&apos;application en choisir un libre.</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1 port %1: %2</source>
        <translation>impossible d&apos;écouter sur 127.0.0.1 port %1 : %2</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Requête trop grande</translation>
    </message>
    <message>
        <source>This address only accepts a sign-in redirect.</source>
        <translation>Cette adresse n&apos;accepte qu&apos;une redirection de connexion.</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Requête invalide</translation>
    </message>
    <message>
        <source>Sign-in already finished</source>
        <translation>Connexion déjà terminée</translation>
    </message>
    <message>
        <source>You can close this window.</source>
        <translation>Vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <source>ignored a %1 request on the sign-in listener</source>
        <translation>une requête %1 sur l&apos;écouteur de connexion a été ignorée</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Not a sign-in answer</source>
        <translation>Pas une réponse de connexion</translation>
    </message>
    <message>
        <source>The request carried neither a code nor an error.</source>
        <translation>La requête ne contenait ni code ni erreur.</translation>
    </message>
    <message>
        <source>ignored a request without code or error on the sign-in listener</source>
        <translation>une requête sans code ni erreur sur l&apos;écouteur de connexion a été ignorée</translation>
    </message>
    <message>
        <source>Sign-in rejected</source>
        <translation>Connexion rejetée</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in in progress (wrong state). It was ignored.</source>
        <translation>Cette réponse n&apos;appartient pas à la connexion en cours (state erroné). Elle a été ignorée.</translation>
    </message>
    <message>
        <source>rejected a redirect with a wrong state parameter (possible forged request)</source>
        <translation>une redirection avec un paramètre state erroné a été rejetée (requête peut-être falsifiée)</translation>
    </message>
    <message>
        <source>Sign-in cancelled</source>
        <translation>Connexion annulée</translation>
    </message>
    <message>
        <source>Access was not granted. You can close this window.</source>
        <translation>L&apos;accès n&apos;a pas été accordé. Vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>The sign-in failed (%1). You can close this window.</source>
        <translation>La connexion a échoué (%1). Vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>Access was denied in the browser: the sign-in was cancelled or Drive access was not granted. Sign in again and allow access to Google Drive.</source>
        <translation>L&apos;accès a été refusé dans le navigateur : la connexion a été annulée ou l&apos;accès à Drive n&apos;a pas été accordé. Reconnectez-vous et autorisez l&apos;accès à Google Drive.</translation>
    </message>
    <message>
        <source>Google answered the sign-in with the error &quot;%1&quot;.</source>
        <translation>Google a répondu à la connexion par l&apos;erreur « %1 ».</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Drive Ingest received the sign-in. You can close this window.</source>
        <translation>Drive Ingest a reçu la connexion. Vous pouvez fermer cette fenêtre.</translation>
    </message>
</context>
<context>
    <name>Auth::MemoryTokenStore</name>
    <message>
        <source>memory (not saved)</source>
        <translation>mémoire (non enregistré)</translation>
    </message>
</context>
<context>
    <name>Auth::ServiceAccountKey</name>
    <message>
        <source>The service-account key file is not valid JSON (%1). Download a new JSON key from the Google Cloud console (IAM → Service accounts → Keys).</source>
        <translation>Le fichier de clé du compte de service n&apos;est pas un JSON valide (%1). Téléchargez une nouvelle clé JSON depuis la console Google Cloud (IAM → Comptes de service → Clés).</translation>
    </message>
    <message>
        <source>This file is an OAuth client (&quot;client_secret&quot; file), not a service-account key. Use it with `login --client-secret-file`, or download a service-account JSON key.</source>
        <translation>Ce fichier est un client OAuth (fichier « client_secret »), pas une clé de compte de service. Utilisez-le avec `login --client-secret-file`, ou téléchargez une clé JSON de compte de service.</translation>
    </message>
    <message>
        <source>This is not a service-account key file (its type is &quot;%1&quot;, expected &quot;service_account&quot;).</source>
        <translation>Ce n&apos;est pas un fichier de clé de compte de service (type « %1 », attendu « service_account »).</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>The service-account key file has no &quot;client_email&quot;.</source>
        <translation>Le fichier de clé du compte de service n&apos;a pas de « client_email ».</translation>
    </message>
    <message>
        <source>The service-account key file has no &quot;private_key&quot;.</source>
        <translation>Le fichier de clé du compte de service n&apos;a pas de « private_key ».</translation>
    </message>
    <message>
        <source>The private key in the service-account key file is not a readable PEM key (the file was edited or truncated). Download a new JSON key.</source>
        <translation>La clé privée du fichier de clé n&apos;est pas une clé PEM lisible (le fichier a été modifié ou tronqué). Téléchargez une nouvelle clé JSON.</translation>
    </message>
    <message>
        <source>The private key in the service-account key file is not an RSA key; Google signs service accounts with RS256 only.</source>
        <translation>La clé privée du fichier de clé n&apos;est pas une clé RSA ; Google signe les comptes de service uniquement en RS256.</translation>
    </message>
    <message>
        <source>Cannot read the service-account key file %1: %2</source>
        <translation>Impossible de lire le fichier de clé du compte de service %1 : %2</translation>
    </message>
</context>
<context>
    <name>Auth::SignOutJob</name>
    <message>
        <source>Signed out of %1.</source>
        <translation>Déconnecté de %1.</translation>
    </message>
    <message>
        <source>The server did not confirm the revocation: %1</source>
        <translation>Le serveur n&apos;a pas confirmé la révocation : %1</translation>
    </message>
</context>
<context>
    <name>Auth::TokenRequest</name>
    <message>
        <source>If this happens about a week after every sign-in, your OAuth client&apos;s app is in &quot;Testing&quot; publishing status: Google expires the sign-ins of Testing apps after 7 days. Publish the app (Google Cloud console → Google Auth Platform → Audience → Publish app) to keep sign-ins valid.</source>
        <translation>Si cela arrive environ une semaine après chaque connexion, l&apos;application de votre client OAuth est au statut de publication « Testing » : Google fait expirer les connexions des applications de test après 7 jours. Publiez l&apos;application (console Google Cloud → Google Auth Platform → Audience → Publish app) pour que les connexions restent valides.</translation>
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
        <translation>Mon Drive</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>Partagés avec moi</translation>
    </message>
    <message>
        <source>Shared drives</source>
        <translation>Drive partagés</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Google file (not exported)</source>
        <translation>Fichier Google (non exporté)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>Recherche : %1</translation>
    </message>
</context>
<context>
    <name>BrowserPanel</name>
    <message>
        <source>Search in Drive…</source>
        <translation type="unfinished">Rechercher dans Drive…</translation>
    </message>
    <message>
        <source>Filters the loaded items at once, and asks Drive for every name that contains the text.</source>
        <translation type="unfinished">Filtre immédiatement les éléments chargés et demande à Drive tous les noms qui contiennent le texte.</translation>
    </message>
</context>
<context>
    <name>BrowserSource</name>
    <message>
        <source>Searching is not available here.</source>
        <translation>La recherche n’est pas disponible ici.</translation>
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
        <translation type="unfinished">inconnue</translation>
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
        <translation>drive-ingest-cli : impossible d’ouvrir le journal %1 : %2</translation>
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
        <translation>%1 : %2</translation>
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
        <translation>limité par %1</translation>
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
        <translation>En échec :</translation>
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
        <translation>Totaux</translation>
    </message>
    <message>
        <source>Files done:</source>
        <translation>Fichiers terminés :</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>En échec :</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>Restants :</translation>
    </message>
    <message>
        <source>Transferred:</source>
        <translation>Transférés :</translation>
    </message>
    <message>
        <source>Current rate:</source>
        <translation>Débit actuel :</translation>
    </message>
    <message>
        <source>Average rate:</source>
        <translation>Débit moyen :</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Temps restant :</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Requêtes :</translation>
    </message>
    <message>
        <source>Show the last:</source>
        <translation>Afficher les dernières :</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 minutes</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Enregistrer le rapport…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 of %2, %3 skipped</source>
        <translation>%1 sur %2, %3 ignorés</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>au moins %1</translation>
    </message>
    <message>
        <source>%1/s, %2 throttled</source>
        <translation>%1/s, %2 limitées</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Nothing is holding the run back</source>
        <translation>Rien ne freine la copie</translation>
    </message>
    <message>
        <source>%1 files done, %2 skipped, %3 failed, %4 to retry later, %5 cancelled; %6 in %7.</source>
        <translation>%1 fichiers terminés, %2 ignorés, %3 en échec, %4 à réessayer plus tard, %5 annulés ; %6 en %7.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>Le rapport n&apos;a pas pu être enregistré : %1</translation>
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
        <translation>Limité par %1</translation>
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
        <translation type="unfinished">Le chemin %1 sortirait de %2.</translation>
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
        <translation>Espaces de travail Databricks</translation>
    </message>
    <message>
        <source>&amp;Workspaces (shared with drive-ingest-cli databricks-login):</source>
        <translation>&amp;Espaces de travail (partagés avec drive-ingest-cli databricks-login) :</translation>
    </message>
    <message>
        <source>&amp;Use for runs</source>
        <translation>&amp;Utiliser pour les transferts</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Add a workspace</source>
        <translation>Ajouter un espace de travail</translation>
    </message>
    <message>
        <source>Workspace &amp;URL:</source>
        <translation>&amp;URL de l’espace de travail :</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Se connecter avec :</translation>
    </message>
    <message>
        <source>a &amp;personal access token</source>
        <translation>un jeton d’accès &amp;personnel</translation>
    </message>
    <message>
        <source>a service &amp;principal (OAuth client id and secret)</source>
        <translation>un &amp;principal de service (identifiant et secret de client OAuth)</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>Identifiant du &amp;client :</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton :</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>service principal %1</source>
        <translation>principal de service %1</translation>
    </message>
    <message>
        <source>personal access token</source>
        <translation>jeton d’accès personnel</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 – used for runs</source>
        <translation>%1 – utilisé pour les transferts</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Secret du client :</translation>
    </message>
    <message>
        <source>dapi…</source>
        <translation>dapi…</translation>
    </message>
    <message>
        <source>Enter the workspace URL (https://…).</source>
        <translation>Saisissez l’URL de l’espace de travail (https://…).</translation>
    </message>
    <message>
        <source>Enter the service principal&apos;s client id.</source>
        <translation>Saisissez l’identifiant client du principal de service.</translation>
    </message>
    <message>
        <source>Enter the client secret.</source>
        <translation>Saisissez le secret du client.</translation>
    </message>
    <message>
        <source>Enter the personal access token.</source>
        <translation>Saisissez le jeton d’accès personnel.</translation>
    </message>
    <message>
        <source>Checking the client id and secret with %1…</source>
        <translation>Vérification de l’identifiant et du secret auprès de %1…</translation>
    </message>
    <message>
        <source>Saved the credentials for %1.</source>
        <translation>Identifiants de %1 enregistrés.</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Retrait de %1…</translation>
    </message>
    <message>
        <source>Removed %1 and its credentials.</source>
        <translation>%1 et ses identifiants ont été retirés.</translation>
    </message>
    <message>
        <source>Runs to Volumes and DBFS now write to %1.</source>
        <translation>Les transferts vers les Volumes et DBFS écrivent désormais dans %1.</translation>
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
        <translation>Bac à sable (%1)</translation>
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
        <translation>Cette version ne peut pas conserver d’identifiants.</translation>
    </message>
    <message>
        <source>The credentials could not be saved in the %1: %2</source>
        <translation>Les identifiants n’ont pas pu être enregistrés dans %1 : %2</translation>
    </message>
    <message>
        <source>%1 refused access with these credentials (%2). Check them under Accounts → Databricks workspaces.</source>
        <translation>%1 a refusé l’accès avec ces identifiants (%2). Vérifiez-les dans Comptes → Espaces de travail Databricks.</translation>
    </message>
    <message>
        <source>The Volume %1 does not exist in %2.</source>
        <translation>Le Volume %1 n’existe pas dans %2.</translation>
    </message>
    <message>
        <source>%1 could not be checked: %2</source>
        <translation>%1 n’a pas pu être vérifié : %2</translation>
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
        <translation>Le descripteur d&apos;envoi DBFS a expiré : %1</translation>
    </message>
</context>
<context>
    <name>Dest::DatabricksClient</name>
    <message>
        <source>Databricks rejected the token for %1: sign in to the workspace again (app: Accounts → Databricks workspaces; command line: drive-ingest-cli databricks-login)</source>
        <translation>Databricks a refusé le jeton pour %1 : reconnectez-vous à l’espace de travail (application : Comptes → Espaces de travail Databricks ; ligne de commande : drive-ingest-cli databricks-login)</translation>
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
        <translation>Impossible d&apos;écrire dans %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a DBFS folder (Volumes take volume:/Volumes/…)</source>
        <translation>%1 n&apos;est pas un dossier DBFS (les volumes prennent volume:/Volumes/…)</translation>
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
        <translation>Un envoi DBFS prend les octets dans l&apos;ordre : position %1 reçue, %2 attendue</translation>
    </message>
    <message>
        <source>DBFS create gave no handle</source>
        <translation>DBFS create n&apos;a pas donné de descripteur</translation>
    </message>
    <message>
        <source>%1 of %2 bytes arrived</source>
        <translation>%1 octets sur %2 sont arrivés</translation>
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
        <translation>Le dossier %1 n&apos;existe pas et ne peut pas être créé.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>Le dossier %1 n&apos;est pas accessible en écriture.</translation>
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
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 n&apos;est pas un dossier.</translation>
    </message>
    <message>
        <source>Cannot write into %1.</source>
        <translation>Impossible d&apos;écrire dans %1.</translation>
    </message>
    <message>
        <source>The path %1 would leave %2.</source>
        <translation>Le chemin %1 sortirait de %2.</translation>
    </message>
</context>
<context>
    <name>Dest::LocalSink</name>
    <message>
        <source>The destination path is outside the chosen folder.</source>
        <translation>Le chemin de destination est hors du dossier choisi.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>Disk full while writing %1.</source>
        <translation>Disque plein pendant l&apos;écriture de %1.</translation>
    </message>
    <message>
        <source>Permission denied: %1.</source>
        <translation>Permission refusée : %1.</translation>
    </message>
    <message>
        <source>The name is too long for this file system: %1.</source>
        <translation>Le nom est trop long pour ce système de fichiers : %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Impossible d&apos;écrire %1 : %2.</translation>
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
        <translation>Impossible de lire %1 : %2</translation>
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
        <translation>%1 n&apos;est pas un chemin de volume : utilisez /Volumes/&lt;catalogue&gt;/&lt;schéma&gt;/&lt;volume&gt;[/chemin]</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>Impossible d&apos;écrire dans %1 : %2</translation>
    </message>
</context>
<context>
    <name>Dest::VolumeSink</name>
    <message>
        <source>The Databricks token was refreshed; the upload starts again</source>
        <translation>Le jeton Databricks a été renouvelé ; l&apos;envoi recommence</translation>
    </message>
    <message>
        <source>A Volume upload takes bytes in order: got offset %1, expected %2</source>
        <translation>Un envoi vers un volume prend les octets dans l&apos;ordre : position %1 reçue, %2 attendue</translation>
    </message>
    <message>
        <source>More than %1 bytes arrived for a file buffered in memory</source>
        <translation>Plus de %1 octets sont arrivés pour un fichier tamponné en mémoire</translation>
    </message>
    <message>
        <source>%1 of %2 bytes arrived</source>
        <translation>%1 octets sur %2 sont arrivés</translation>
    </message>
    <message>
        <source>The workspace offered no multipart upload for a file above %1 bytes</source>
        <translation>L&apos;espace de travail n&apos;a pas proposé d&apos;envoi en plusieurs parties pour un fichier de plus de %1 octets</translation>
    </message>
    <message>
        <source>More than the %1 bytes Drive announced arrived</source>
        <translation>Plus que les %1 octets annoncés par Drive sont arrivés</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 before the upload was complete</source>
        <translation>Le serveur a répondu HTTP %1 avant la fin de l’envoi</translation>
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
        <translation>Choisissez où placer les fichiers.</translation>
    </message>
    <message>
        <source>A Volume path looks like /Volumes/catalog/schema/volume/folder.</source>
        <translation>Un chemin de volume ressemble à /Volumes/catalogue/schéma/volume/dossier.</translation>
    </message>
    <message>
        <source>A DBFS path looks like dbfs:/folder.</source>
        <translation>Un chemin DBFS ressemble à dbfs:/dossier.</translation>
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
        <translation>&amp;Destination :</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>Dossier local</translation>
    </message>
    <message>
        <source>Databricks Volume</source>
        <translation>Volume Databricks</translation>
    </message>
    <message>
        <source>DBFS</source>
        <translation>DBFS</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>A folder on this computer</source>
        <translation>Un dossier sur cet ordinateur</translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation>Choisir le dossier de destination</translation>
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
        <translation>La liste a expiré ; repliez puis dépliez à nouveau le dossier.</translation>
    </message>
</context>
<context>
    <name>EngineRunner</name>
    <message>
        <source>Choose a Databricks workspace first (Accounts menu).</source>
        <translation>Choisissez d&apos;abord un espace de travail Databricks (menu Comptes).</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Drive Ingest</source>
        <translation>Bienvenue dans Drive Ingest</translation>
    </message>
    <message>
        <source>Copy files and folders from Google Drive into a Databricks Volume, DBFS or a local folder, streamed and verified. Sign in to start, or try the whole flow with the built-in sandbox: no account needed.</source>
        <translation>Copiez fichiers et dossiers de Google Drive vers un volume Databricks, DBFS ou un dossier local, en flux direct et vérifiés. Connectez-vous pour commencer, ou essayez tout le parcours avec le bac à sable intégré : aucun compte nécessaire.</translation>
    </message>
    <message>
        <source>Sign in with Google</source>
        <translation>Se connecter avec Google</translation>
    </message>
    <message>
        <source>Try it with the sandbox</source>
        <translation>Essayer avec le bac à sable</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Retry later</source>
        <translation>Réessayer plus tard</translation>
    </message>
    <message>
        <source>exported as %1</source>
        <translation>exporté en %1</translation>
    </message>
</context>
<context>
    <name>GoogleSignIn</name>
    <message>
        <source>Choose your OAuth client file (client_secret_….json)</source>
        <translation>Choisissez votre fichier de client OAuth (client_secret_….json)</translation>
    </message>
    <message>
        <source>OAuth client (*.json);;All files (*)</source>
        <translation>Client OAuth (*.json);;Tous les fichiers (*)</translation>
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
        <translation type="unfinished">Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished">Échec</translation>
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
        <translation type="unfinished">Fichier</translation>
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
        <translation type="unfinished">Raison</translation>
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
        <translation type="unfinished">Ignoré</translation>
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
        <translation type="unfinished">Disque plein pendant l&apos;écriture de %1.</translation>
    </message>
    <message>
        <source>Permission denied: %1.</source>
        <translation type="unfinished">Permission refusée : %1.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; links in the destination are not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished">Impossible d&apos;écrire %1 : %2.</translation>
    </message>
    <message>
        <source>The path %1 would leave %2.</source>
        <translation type="unfinished">Le chemin %1 sortirait de %2.</translation>
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
        <translation>Bac à sable</translation>
    </message>
    <message>
        <source>Drive listing failed: %1</source>
        <translation>Échec de l&apos;inventaire Drive : %1</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation>Tout mettre en &amp;pause</translation>
    </message>
    <message>
        <source>&amp;Resume all</source>
        <translation>Tout &amp;reprendre</translation>
    </message>
    <message>
        <source>&amp;Cancel all</source>
        <translation>Tout &amp;annuler</translation>
    </message>
    <message>
        <source>Paste &amp;links</source>
        <translation>Coller des &amp;liens</translation>
    </message>
    <message>
        <source>Pause file</source>
        <translation>Mettre le fichier en pause</translation>
    </message>
    <message>
        <source>Resume file</source>
        <translation>Reprendre le fichier</translation>
    </message>
    <message>
        <source>Cancel file</source>
        <translation>Annuler le fichier</translation>
    </message>
    <message>
        <source>Retry file</source>
        <translation>Réessayer le fichier</translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation>Retirer de la file</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Ajouter à la file</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation>Enregistrer le &amp;rapport…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <source>Sign in with &amp;Google…</source>
        <translation>Se connecter avec &amp;Google…</translation>
    </message>
    <message>
        <source>Use the &amp;sandbox</source>
        <translation>Utiliser le &amp;bac à sable</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>F&amp;ile</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Drive Ingest</source>
        <translation>À &amp;propos de Drive Ingest</translation>
    </message>
    <message>
        <source>About Drive Ingest</source>
        <translation>À propos de Drive Ingest</translation>
    </message>
    <message>
        <source>Drive Ingest %1
Streams Google Drive files into Databricks or a local folder.
License: GPL-3.0-or-later</source>
        <translation>Drive Ingest %1
Transfère des fichiers de Google Drive vers Databricks ou un dossier local.
Licence : GPL-3.0-or-later</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Connecté : %1</translation>
    </message>
    <message>
        <source>Add files or folders to the queue first.</source>
        <translation>Ajoutez d&apos;abord des fichiers ou des dossiers à la file.</translation>
    </message>
    <message>
        <source>The clipboard holds no Google Drive link.</source>
        <translation>Le presse-papiers ne contient aucun lien Google Drive.</translation>
    </message>
    <message>
        <source>Starting the sandbox…</source>
        <translation>Démarrage du bac à sable…</translation>
    </message>
    <message>
        <source>Sign in with Google</source>
        <translation>Se connecter avec Google</translation>
    </message>
    <message>
        <source>Google sign-in is not available in this build.</source>
        <translation>La connexion Google n&apos;est pas disponible dans cette version.</translation>
    </message>
    <message>
        <source>Waiting for the browser sign-in…</source>
        <translation>En attente de la connexion dans le navigateur…</translation>
    </message>
    <message>
        <source>Ingest finished</source>
        <translation>Copie terminée</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Connexion nécessaire</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Sign in again to continue: %1</source>
        <translation>Reconnectez-vous pour continuer : %1</translation>
    </message>
    <message>
        <source>Ingest stopped</source>
        <translation>Copie arrêtée</translation>
    </message>
    <message>
        <source>%1% paused – Drive Ingest</source>
        <translation>%1 % en pause – Drive Ingest</translation>
    </message>
    <message>
        <source>%1% at %2 – Drive Ingest</source>
        <translation>%1 % à %2 – Drive Ingest</translation>
    </message>
    <message>
        <source>Quit Drive Ingest</source>
        <translation>Quitter Drive Ingest</translation>
    </message>
    <message>
        <source>A run is in progress. Cancel it and quit?</source>
        <translation>Une copie est en cours. L&apos;annuler et quitter ?</translation>
    </message>
    <message>
        <source>Cancel the run and quit</source>
        <translation>Annuler la copie et quitter</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Use a service-account &amp;key…</source>
        <translation>Utiliser une &amp;clé de compte de service…</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>Compte de service</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Aucun compte pour l’instant</translation>
    </message>
    <message>
        <source>Choose a service-account key (JSON)</source>
        <translation>Choisir la clé d’un compte de service (JSON)</translation>
    </message>
    <message>
        <source>Service-account key (*.json);;All files (*)</source>
        <translation>Clé de compte de service (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Databricks workspaces…</source>
        <translation>Espaces de travail &amp;Databricks…</translation>
    </message>
    <message>
        <source>Finish or cancel the run before switching accounts.</source>
        <translation>Terminez ou annulez le transfert avant de changer de compte.</translation>
    </message>
    <message>
        <source>Switching to %1…</source>
        <translation>Passage à %1…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Checking the Databricks workspace…</source>
        <translation>Vérification de l’espace de travail Databricks…</translation>
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
        <translation>Le jeton d&apos;accès a été refusé et ne peut pas être renouvelé.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot read the client secret file %1: %2</source>
        <translation>Impossible de lire le fichier de secret client %1 : %2</translation>
    </message>
    <message>
        <source>The file %1 has no client_secret: download the JSON of a &quot;Desktop app&quot; OAuth client from the Google Cloud console.</source>
        <translation>Le fichier %1 n&apos;a pas de client_secret : téléchargez le JSON d&apos;un client OAuth « Application de bureau » depuis la console Google Cloud.</translation>
    </message>
    <message>
        <source>The client secret file %1 is empty.</source>
        <translation>Le fichier de secret client %1 est vide.</translation>
    </message>
    <message>
        <source>checksum mismatch: Drive says %1, received %2</source>
        <translation>somme de contrôle différente : Drive indique %1, reçu %2</translation>
    </message>
    <message>
        <source>The OS keychain refused the request (%1). On Linux a Secret Service (gnome-keyring or KWallet) must be running and unlocked in this session; for unattended runs use --service-account instead.</source>
        <translation>Le trousseau du système a refusé la requête (%1). Sous Linux, un Secret Service (gnome-keyring ou KWallet) doit tourner et être déverrouillé dans cette session ; pour les exécutions sans surveillance, utilisez plutôt --service-account.</translation>
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
        <translation>En attente du démarrage</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Fin estimée</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Reprises</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Drive item %1</source>
        <translation>Élément Drive %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
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
        <translation>Le bac à sable (drive-ingest-sandbox) est introuvable à côté de l&apos;application.</translation>
    </message>
    <message>
        <source>Sandbox (%1)</source>
        <translation>Bac à sable (%1)</translation>
    </message>
    <message>
        <source>The sandbox did not start: %1</source>
        <translation>Le bac à sable n&apos;a pas démarré : %1</translation>
    </message>
    <message>
        <source>Cannot write the sandbox token file in %1.</source>
        <translation>Impossible d’écrire le fichier de jeton du bac à sable dans %1.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>Files in &amp;flight:</source>
        <translation>&amp;Fichiers simultanés :</translation>
    </message>
    <message>
        <source>&amp;Streams per large file:</source>
        <translation>&amp;Flux par gros fichier :</translation>
    </message>
    <message>
        <source>Drive &amp;request rate:</source>
        <translation>&amp;Rythme des requêtes Drive :</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> req./s</translation>
    </message>
    <message>
        <source>&amp;Bandwidth cap:</source>
        <translation>Plafond de &amp;bande passante :</translation>
    </message>
    <message>
        <source> MB/s</source>
        <translation> Mo/s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source>When a file &amp;exists:</source>
        <translation>Si un fichier &amp;existe :</translation>
    </message>
    <message>
        <source>Google files are exported as</source>
        <translation>Les fichiers Google sont exportés en</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Documents :</translation>
    </message>
    <message>
        <source>Spreadsheets:</source>
        <translation>Feuilles de calcul :</translation>
    </message>
    <message>
        <source>Presentations:</source>
        <translation>Présentations :</translation>
    </message>
    <message>
        <source>Drawings:</source>
        <translation>Dessins :</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Use the s&amp;ystem proxy settings</source>
        <translation>Utiliser les paramètres proxy du s&amp;ystème</translation>
    </message>
    <message>
        <source>&amp;No proxy</source>
        <translation>&amp;Aucun proxy</translation>
    </message>
    <message>
        <source>&amp;Manual proxy:</source>
        <translation>Proxy &amp;manuel :</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Passwords and tokens are kept in the system keychain, never in these settings.</source>
        <translation>Les mots de passe et jetons sont gardés dans le trousseau du système, jamais dans ces paramètres.</translation>
    </message>
    <message>
        <source>Overwrite it</source>
        <translation>L&apos;écraser</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
        <translation>Se connecter avec Google</translation>
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
        <translation>Requêtes/s</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Limité</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Secondes</translation>
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
        <translation>le rythme des requêtes Google Drive</translation>
    </message>
    <message>
        <source>Databricks (upload side)</source>
        <translation>Databricks (côté envoi)</translation>
    </message>
    <message>
        <source>the local disk</source>
        <translation>le disque local</translation>
    </message>
    <message>
        <source>your bandwidth cap</source>
        <translation>votre plafond de bande passante</translation>
    </message>
    <message>
        <source>the network</source>
        <translation>le réseau</translation>
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
        <translation>Le serveur a ignoré l&apos;en-tête Range</translation>
    </message>
    <message>
        <source>No data for %1 s</source>
        <translation>Aucune donnée depuis %1 s</translation>
    </message>
    <message>
        <source>Unexpected response</source>
        <translation>Réponse inattendue</translation>
    </message>
    <message>
        <source>The body ended after %1 of %2 bytes</source>
        <translation>Le corps s&apos;est terminé après %1 octets sur %2</translation>
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
        <translation>Le fichier Google de type %1 ne peut pas être exporté</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>Annulé par l&apos;utilisateur</translation>
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
        <translation>La copie n&apos;a pas de %1.</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>destination</translation>
    </message>
    <message>
        <source>account</source>
        <translation>compte</translation>
    </message>
</context>
<context>
    <name>Transfer::FileTransfer</name>
    <message>
        <source>size mismatch: Drive says %1 bytes, received %2</source>
        <translation>taille différente : Drive indique %1 octets, reçu %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
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
        <translation>Impossible de relire ce qui a été écrit</translation>
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
        <translation>%1 o</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 Kio</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 Mio</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 Gio</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 Tio</translation>
    </message>
    <message>
        <source>%1 PiB</source>
        <translation>%1 Pio</translation>
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
        <translation>%1 j %2 h</translation>
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
        <translation>Transférer des fichiers de Google Drive vers Databricks ou un dossier local.</translation>
    </message>
    <message>
        <source>Start signed in to the bundled sandbox.</source>
        <translation>Démarrer connecté au bac à sable fourni.</translation>
    </message>
    <message>
        <source>Run the demo ingest and save screenshots into &lt;dir&gt;.</source>
        <translation>Lancer la copie de démonstration et enregistrer des captures dans &lt;dir&gt;.</translation>
    </message>
    <message>
        <source>Local folder the demo ingest writes to.</source>
        <translation>Dossier local où écrit la copie de démonstration.</translation>
    </message>
    <message>
        <source>Use a dark colour scheme.</source>
        <translation>Utiliser un thème sombre.</translation>
    </message>
</context>
</TS>
