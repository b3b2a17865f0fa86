// SPDX-License-Identifier: GPL-3.0-or-later
// drive-ingest-sandbox: a loopback emulator of Google OAuth, Drive v3 and Databricks for tests and demos.
#include "content.h"
#include "databricks.h"
#include "databricks_sql.h"
#include "drive.h"
#include "faults.h"
#include "oauth.h"
#include "server.h"
#include "serviceaccount.h"
#include "stats.h"
#include "tls.h"

#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <pthread.h>
#include <string>
#include <sys/prctl.h>
#include <thread>
#include <unistd.h>

namespace
{
const char *kUsage =
    R"(usage: drive-ingest-sandbox [options]
  --port N                 listen on 127.0.0.1:N (0 = any free port; default 0)
  --ready-file F           write {"base_url","port","pid","demo_root_id",...} to F once listening
  --data-dir DIR           state and uploads (default: a temp dir removed at exit)
  --tls                    serve HTTPS with a generated CA (path in the ready file as "ca_file")
  --seed S                 content and fault seed (default 1)
  --manifest F | --root DIR   content: a JSON manifest, or a local folder as My Drive (default: demo tree)
  --static-token T         one bearer token valid for every service
  --static-token-file F    the same, read from file F (keeps the token out of argv; trailing whitespace dropped)
  --token-lifetime SECONDS access-token lifetime (default 3600)
  --latency-ms N           added to every request
  --bandwidth BYTES_PER_SEC  cap per connection for media/export bodies
  --quota QPS[:BURST]      token bucket over Drive requests
  --quota-status 403|429   answer for requests over the quota (default 403)
  --error-rate P           probability of --error-status per Drive request (seeded)
  --error-status 500|503   (default 503)
  --reset-after BYTES      close every media response after BYTES body bytes
  --stall-after BYTES      pause every media response after BYTES ...
  --stall-ms MS            ... for MS milliseconds
  --threads N              worker threads (default 32)
  A demo service account is generated at every start: its Google-format key file (0600) is written
  into the data dir and named in the ready file as "service_account_key_file".
  --quiet                  no request log on stderr
)";

bool needValue(int i, int argc, const char *flag)
{
    if (i + 1 >= argc)
    {
        std::fprintf(stderr, "drive-ingest-sandbox: %s needs a value\n%s", flag, kUsage);
        return false;
    }
    return true;
}

bool toNumber(const char *text, double *out)
{
    char *end = nullptr;
    *out = std::strtod(text, &end);
    return end && *end == '\0' && end != text && *out >= 0;
}

} // namespace

int main(int argc, char **argv)
{
    int port = 0;
    std::string readyFile, dataDir, manifest, rootDir, staticToken, staticTokenFile;
    bool tls = false, quiet = false;
    std::uint64_t seed = 1;
    int threads = 32;
    sandbox::GlobalFaults g;
    for (int i = 1; i < argc; ++i)
    {
        const std::string a = argv[i];
        double v = 0;
        auto number = [&](double max)
        {
            if (!needValue(i, argc, a.c_str()))
                std::exit(2);
            if (!toNumber(argv[++i], &v) || v > max)
            {
                std::fprintf(stderr, "drive-ingest-sandbox: bad value for %s: %s\n", a.c_str(), argv[i]);
                std::exit(2);
            }
            return v;
        };
        auto text = [&]() -> std::string
        {
            if (!needValue(i, argc, a.c_str()))
                std::exit(2);
            return argv[++i];
        };
        if (a == "--port")
            port = int(number(65535));
        else if (a == "--ready-file")
            readyFile = text();
        else if (a == "--data-dir")
            dataDir = text();
        else if (a == "--tls")
            tls = true;
        else if (a == "--seed")
            seed = std::uint64_t(number(1e18));
        else if (a == "--manifest")
            manifest = text();
        else if (a == "--root")
            rootDir = text();
        else if (a == "--static-token")
            staticToken = text();
        else if (a == "--static-token-file")
            staticTokenFile = text();
        else if (a == "--token-lifetime")
            g.tokenLifetimeS = int(number(1e9));
        else if (a == "--latency-ms")
            g.latencyMs = int(number(1e7));
        else if (a == "--bandwidth")
            g.bandwidthBps = std::uint64_t(number(1e15));
        else if (a == "--quota")
        {
            const std::string q = text();
            const auto colon = q.find(':');
            double qps = 0, burst = 0;
            if (!toNumber(q.substr(0, colon).c_str(), &qps)
                || (colon != std::string::npos && !toNumber(q.substr(colon + 1).c_str(), &burst)))
            {
                std::fprintf(stderr, "drive-ingest-sandbox: bad --quota %s (QPS[:BURST])\n", q.c_str());
                return 2;
            }
            g.quotaQps = qps;
            g.quotaBurst = burst;
        }
        else if (a == "--quota-status")
            g.quotaStatus = int(number(999));
        else if (a == "--error-rate")
            g.errorRate = number(1);
        else if (a == "--error-status")
            g.errorStatus = int(number(999));
        else if (a == "--reset-after")
            g.resetAfterBytes = std::uint64_t(number(1e18));
        else if (a == "--stall-after")
            g.stallAfterBytes = std::uint64_t(number(1e18));
        else if (a == "--stall-ms")
            g.stallMs = int(number(1e7));
        else if (a == "--threads")
            threads = std::max(1, int(number(4096)));
        else if (a == "--quiet")
            quiet = true;
        else if (a == "--help" || a == "-h")
        {
            std::fputs(kUsage, stdout);
            return 0;
        }
        else
        {
            std::fprintf(stderr, "drive-ingest-sandbox: unknown option %s\n%s", a.c_str(), kUsage);
            return 2;
        }
    }
    if ((g.quotaStatus != 403 && g.quotaStatus != 429) || (g.errorStatus != 500 && g.errorStatus != 503))
    {
        std::fprintf(stderr, "drive-ingest-sandbox: --quota-status must be 403|429, --error-status 500|503\n");
        return 2;
    }
    if (!manifest.empty() && !rootDir.empty())
    {
        std::fprintf(stderr, "drive-ingest-sandbox: --manifest and --root are exclusive\n");
        return 2;
    }
    if (!staticTokenFile.empty())
    {
        if (!staticToken.empty())
        {
            std::fprintf(stderr, "drive-ingest-sandbox: --static-token and --static-token-file are exclusive\n");
            return 2;
        }
        std::ifstream in(staticTokenFile, std::ios::binary);
        std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back())))
            token.pop_back();
        // Never echo the token: only the file name goes to stderr.
        if (token.empty() || token.find_first_of(" \t\r\n") != std::string::npos)
        {
            std::fprintf(stderr, "drive-ingest-sandbox: cannot read a token from --static-token-file %s\n",
                         staticTokenFile.c_str());
            return 2;
        }
        staticToken = token;
    }

    // Signals go to one waiting thread; the worker threads created later inherit the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    // Started by a harness (it asked for a ready file): go when the harness goes, so a crashed or killed test
    // leaves no sandbox behind. SIGTERM takes the clean path below.
    if (!readyFile.empty())
    {
        const pid_t parent = ::getppid();
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            return 0;
    }

    namespace fs = std::filesystem;
    std::error_code ec;
    bool removeDataDir = false;
    if (dataDir.empty())
    {
        std::string tmpl = (fs::temp_directory_path(ec) / "drive-ingest-sandbox-XXXXXX").string();
        if (!mkdtemp(tmpl.data()))
        {
            std::perror("drive-ingest-sandbox: mkdtemp");
            return 1;
        }
        dataDir = tmpl;
        removeDataDir = true;
    }
    else
        fs::create_directories(dataDir, ec);

    // The demo service account's key pair, made while the content loads (RSA 2048 takes ~0.1-0.3 s): a fresh
    // one per start, so no private key lives in the repository.
    auto demoKey = std::async(std::launch::async,
        []
        {
            std::pair<sandbox::ServiceAccountKeyPair, std::string> result;
            if (!sandbox::generateServiceAccountKey(&result.first, &result.second) && result.second.empty())
                result.second = "cannot generate the demo service-account key";
            return result;
        });

    const char *cacheEnv = std::getenv("DI_SANDBOX_HASH_CACHE");
    const std::string cacheDir
        = cacheEnv ? std::string(cacheEnv) : (fs::temp_directory_path(ec) / "drive-ingest-sandbox-hashes").string();
    sandbox::Content content(seed, cacheDir);
    std::string error;
    const bool loaded = !manifest.empty() ? content.loadManifest(manifest, &error)
        : !rootDir.empty()                ? content.loadRoot(rootDir, &error)
                                          : content.loadDemo(&error);
    if (!loaded)
    {
        std::fprintf(stderr, "drive-ingest-sandbox: %s\n", error.c_str());
        return 1;
    }

    sandbox::Stats stats;
    sandbox::Faults faults(seed);
    faults.setDefaults(g);
    for (const auto &it : content.items())
        if (it->faults.any())
            faults.setFileDefaults(it->id, it->faults);

    sandbox::Server::Options options;
    options.port = port;
    options.threads = threads;
    options.quiet = quiet;
    sandbox::TlsFiles tlsFiles;
    if (tls)
    {
        if (!sandbox::generateTlsFiles(dataDir, &tlsFiles, &error))
        {
            std::fprintf(stderr, "drive-ingest-sandbox: %s\n", error.c_str());
            return 1;
        }
        options.tls = true;
        options.certFile = tlsFiles.certFile;
        options.keyFile = tlsFiles.keyFile;
    }
    sandbox::Server server(content, stats, faults, options);
    if (!server.bind(&error))
    {
        std::fprintf(stderr, "drive-ingest-sandbox: %s\n", error.c_str());
        return 1;
    }

    sandbox::Drive drive(server);
    sandbox::TokenAuthority authority(stats, content.oauthSection());
    authority.setBaseUrl(server.baseUrl());
    authority.setTokenLifetime(g.tokenLifetimeS);
    if (!staticToken.empty())
        authority.setStaticToken(staticToken);
    authority.registerRoutes(server.http());
    server.googleAuth = [&authority](const httplib::Request &req)
    {
        switch (authority.checkGoogle(req))
        {
        case sandbox::TokenAuthority::Check::Valid:
            return sandbox::Server::AuthCheck::Valid;
        case sandbox::TokenAuthority::Check::Missing:
            return sandbox::Server::AuthCheck::Missing;
        case sandbox::TokenAuthority::Check::Expired:
            return sandbox::Server::AuthCheck::Expired;
        default:
            return sandbox::Server::AuthCheck::Invalid;
        }
    };
    sandbox::DatabricksService databricks(stats, authority, fs::path(dataDir), content.databricksSection());
    databricks.setBaseUrl(server.baseUrl());
    databricks.registerRoutes(server.http());
    authority.registerWorkspaceSignIn(server.http());
    sandbox::DatabricksSql sql(authority, content.databricksSection());
    sql.registerRoutes(server.http());
    drive.registerRoutes(server.http());
    server.onReset = [&]()
    {
        drive.reset();
        authority.reset();
        databricks.reset();
        sql.reset();
    };
    server.onFaults = [&](const nlohmann::json &j, std::string *why)
    {
        (void)j;
        (void)why;
        if (j.contains("token_lifetime_s"))
            authority.setTokenLifetime(faults.global().tokenLifetimeS);
        if (j.contains("oauth"))
            authority.applyFaults(j.at("oauth"));
        if (j.contains("databricks"))
            databricks.applyFaults(j.at("databricks"));
        if (j.contains("sql"))
            sql.applyFaults(j.at("sql"));
        return true;
    };

    const auto [demoKeyPair, demoKeyError] = demoKey.get();
    const std::string demoKeyFile = (fs::path(dataDir) / "demo-service-account.json").string();
    if (!demoKeyError.empty()
        || !sandbox::writeServiceAccountKeyFile(
            demoKeyFile, demoKeyPair, sandbox::kDemoServiceAccountEmail, server.baseUrl() + "/token", &error))
    {
        std::fprintf(stderr, "drive-ingest-sandbox: %s\n", demoKeyError.empty() ? error.c_str() : demoKeyError.c_str());
        return 1;
    }
    authority.addServiceAccount(sandbox::kDemoServiceAccountEmail, demoKeyPair.keyId, demoKeyPair.publicKeyPem);

    nlohmann::json ready = { { "base_url", server.baseUrl() }, { "port", server.port() }, { "pid", int(::getpid()) },
        { "demo_root_id", content.demoRootId() }, { "root_id", content.rootId() }, { "data_dir", dataDir },
        { "service_account_key_file", demoKeyFile } };
    if (tls)
        ready["ca_file"] = tlsFiles.caFile;
    if (!staticToken.empty())
        ready["static_token"] = staticToken;
    if (!readyFile.empty())
    {
        const std::string tmp = readyFile + ".tmp";
        {
            std::ofstream out(tmp);
            out << ready.dump(2) << '\n';
            if (!out)
            {
                std::fprintf(stderr, "drive-ingest-sandbox: cannot write %s\n", tmp.c_str());
                return 1;
            }
        }
        fs::rename(tmp, readyFile, ec);
        if (ec)
        {
            std::fprintf(stderr, "drive-ingest-sandbox: cannot write %s\n", readyFile.c_str());
            return 1;
        }
    }
    // The first line stays the bare base URL (scripts read it); then what a newcomer needs for a first run.
    std::cout << server.baseUrl() << '\n';
    if (!content.demoRootId().empty())
    {
        std::cout << "demo tree id: " << content.demoRootId() << '\n';
        const std::string command = "drive-ingest-cli ingest " + content.demoRootId()
            + " --to drive-ingest-demo --sandbox " + server.baseUrl() + (tls ? " --ca-file " + tlsFiles.caFile : "");
        if (!staticTokenFile.empty())
            std::cout << "first run: " << command << " --access-token-file " << staticTokenFile << '\n';
        else if (!staticToken.empty())
            std::cout << "first run: " << command << " --access-token-file FILE  (FILE holds the --static-token value)\n";
        else
            std::cout << "first run: drive-ingest-cli login --sandbox " << server.baseUrl() << ", then: " << command
                      << " --account NAME\n";
        std::cout << "(the demo tree fails a few files on purpose, to show what failures look like: that run ends with "
                     "exit code 1)\n";
    }
    std::cout << std::flush;

    // Idle keep-alive connections hold httplib's workers until their timeout: after stop(), give in-flight
    // requests a moment, then leave without waiting for them.
    std::atomic<bool> finished { false };
    auto cleanUp = [removeDataDir, dataDir, readyFile, demoKeyFile]()
    {
        std::error_code ignored;
        // The key is worthless once this process is gone (the next start makes another): leave none behind.
        std::filesystem::remove(demoKeyFile, ignored);
        if (removeDataDir)
            std::filesystem::remove_all(dataDir, ignored);
        if (!readyFile.empty())
            std::filesystem::remove(readyFile, ignored);
    };
    std::thread waiter(
        [&signals, &server, &finished, cleanUp]()
        {
            int sig = 0;
            sigwait(&signals, &sig);
            server.stop();
            for (int i = 0; i < 40 && !finished; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(25));
            if (!finished)
            {
                cleanUp();
                std::_Exit(0);
            }
        });
    waiter.detach();
    server.run();
    finished = true;
    cleanUp();
    return 0;
}
