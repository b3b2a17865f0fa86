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
    <name>Auth::DatabricksTokenProvider</name>
    <message>
        <source>Databricks refused the personal access token for %1 (expired or revoked). Create a new token and save it (app: Accounts → Databricks workspaces; command line: drive-ingest-cli databricks-login --host %1).</source>
        <translation>Databricks a refusé le jeton d’accès personnel pour %1 (expiré ou révoqué). Créez un nouveau jeton et enregistrez-le (application : Comptes → Espaces de travail Databricks ; ligne de commande : drive-ingest-cli databricks-login --host %1).</translation>
    </message>
</context>
<context>
    <name>Auth::GoogleOAuthFlow</name>
    <message>
        <source>No OAuth client id: create a &quot;Desktop app&quot; OAuth client in the Google Cloud console and pass its id (see README, &quot;Sign in to Google&quot;).</source>
        <translation>Aucun ID client OAuth : créez un client OAuth « Application de bureau » dans la console Google Cloud et indiquez son ID (voir le README, « Sign in to Google »).</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
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
    <name>BrowserSource</name>
    <message>
        <source>Searching is not available here.</source>
        <translation>La recherche n’est pas disponible ici.</translation>
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
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
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
        <source>No credentials for %1 in the %2. Add the workspace again.</source>
        <translation>Aucun identifiant pour %1 dans %2. Ajoutez à nouveau l’espace de travail.</translation>
    </message>
    <message>
        <source>The saved credentials for %1 are unreadable. Add the workspace again.</source>
        <translation>Les identifiants enregistrés pour %1 sont illisibles. Ajoutez à nouveau l’espace de travail.</translation>
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
</context>
<context>
    <name>DestinationChoice</name>
    <message>
        <source>Choose where the files should go.</source>
        <translation>Choisissez où placer les fichiers.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist and cannot be created.</source>
        <translation>Le dossier %1 n&apos;existe pas et ne peut pas être créé.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 n&apos;est pas un dossier.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>Le dossier %1 n&apos;est pas accessible en écriture.</translation>
    </message>
    <message>
        <source>A Volume path looks like /Volumes/catalog/schema/volume/folder.</source>
        <translation>Un chemin de volume ressemble à /Volumes/catalogue/schéma/volume/dossier.</translation>
    </message>
    <message>
        <source>A DBFS path looks like dbfs:/folder.</source>
        <translation>Un chemin DBFS ressemble à dbfs:/dossier.</translation>
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
        <source>1 byte</source>
        <translation>1 octet</translation>
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
        <source>Limited by Google Drive request pacing</source>
        <translation>Limité par le rythme des requêtes Google Drive</translation>
    </message>
    <message>
        <source>Limited by Databricks (upload side)</source>
        <translation>Limité par Databricks (côté envoi)</translation>
    </message>
    <message>
        <source>Limited by the local disk</source>
        <translation>Limité par le disque local</translation>
    </message>
    <message>
        <source>Limited by the network</source>
        <translation>Limité par le réseau</translation>
    </message>
    <message>
        <source>Limited by your bandwidth cap</source>
        <translation>Limité par votre plafond de bande passante</translation>
    </message>
    <message>
        <source>Limited by: %1</source>
        <translation>Limité par : %1</translation>
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
    <message>
        <source>The sign-in of %1 is missing from the %2. Sign in again.</source>
        <translation>La connexion de %1 est absente de %2. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The saved sign-in of %1 is unreadable. Sign in again.</source>
        <translation>La connexion enregistrée de %1 est illisible. Reconnectez-vous.</translation>
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
        <source>%1 files done, %2 skipped, %3 failed.</source>
        <translation>%1 fichiers terminés, %2 ignorés, %3 en échec.</translation>
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
        <source>Search in Drive…</source>
        <translation>Rechercher dans Drive…</translation>
    </message>
    <message>
        <source>Filters the loaded items at once, and asks Drive for every name that contains the text.</source>
        <translation>Filtre immédiatement les éléments chargés et demande à Drive tous les noms qui contiennent le texte.</translation>
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
        <source>Choose a Databricks workspace under Accounts → Databricks workspaces.</source>
        <translation>Choisissez un espace de travail Databricks dans Comptes → Espaces de travail Databricks.</translation>
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
        <source>Skip it when identical</source>
        <translation>L&apos;ignorer s&apos;il est identique</translation>
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
</context>
<context>
    <name>ThroughputChart</name>
    <message>
        <source>Throughput (MB/s)</source>
        <translation>Débit (Mo/s)</translation>
    </message>
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
        <source>MB/s</source>
        <translation>Mo/s</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Secondes</translation>
    </message>
</context>
<context>
    <name>Transfer::Engine</name>
    <message>
        <source>Not listed again (%1)</source>
        <translation>Non réinventorié (%1)</translation>
    </message>
    <message>
        <source>Google file of type %1 cannot be exported</source>
        <translation>Le fichier Google de type %1 ne peut pas être exporté</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>essai à blanc</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>Annulé par l&apos;utilisateur</translation>
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
        <source>size mismatch: Drive says %1 bytes, received %2</source>
        <translation>taille différente : Drive indique %1 octets, reçu %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>Transfer::RangedFetch</name>
    <message>
        <source>Unexpected Content-Range %1</source>
        <translation>Content-Range inattendu %1</translation>
    </message>
    <message>
        <source>No data for %1 s</source>
        <translation>Aucune donnée depuis %1 s</translation>
    </message>
    <message>
        <source>The server ignored the Range header</source>
        <translation>Le serveur a ignoré l&apos;en-tête Range</translation>
    </message>
    <message>
        <source>Unexpected response</source>
        <translation>Réponse inattendue</translation>
    </message>
    <message>
        <source>A part ended early</source>
        <translation>Une partie s&apos;est terminée trop tôt</translation>
    </message>
    <message>
        <source>Cannot read back what was written</source>
        <translation>Impossible de relire ce qui a été écrit</translation>
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
