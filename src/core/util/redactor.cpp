// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/redactor.h"

#include <QList>
#include <QStringList>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace
{
constexpr qsizetype MinimumSecretLength = 8;

struct Registry
{
    QMutex mutex;
    QList<QByteArray> secrets;
    // Alternations of the registered secrets, in chunks that stay below PCRE2's pattern size limit; rebuilt on
    // change. Copies are cheap (implicitly shared) and safe to use from any thread.
    QList<QRegularExpression> expressions;
    QStringList literals; ///< secrets whose patterns PCRE2 cannot compile, matched as plain text
};

Registry &registry()
{
    // Never destroyed: the message handler may run on another thread while the process exits, after static
    // destructors have started.
    static Registry *const instance = new Registry;
    return *instance;
}

// A byte may show up literally, percent-encoded (%2F or %2f), double-encoded (%252F), or, for '/', JSON-escaped.
// Unreserved characters (RFC 3986) are never percent-encoded by real encoders, which keeps patterns short.
QString patternForByte(char byte)
{
    const auto value = static_cast<unsigned char>(byte);
    const QString literal = QRegularExpression::escape(QString(QLatin1Char(byte)));
    if (std::isalnum(value) || byte == '-' || byte == '.' || byte == '_' || byte == '~')
    {
        return literal;
    }
    const QString hex = u"%1"_s.arg(value, 2, 16, QLatin1Char('0')).toUpper();
    QString hexPattern;
    for (const QChar digit : hex)
    {
        // Percent-encoding may use either case for hex digits; the secret's own letters stay case-sensitive.
        hexPattern += digit.isLetter() ? u"["_s + digit + digit.toLower() + u']' : QString(digit);
    }
    QString alternatives = literal + u"|%(?:25)?"_s + hexPattern;
    if (byte == '/')
    {
        alternatives += u"|\\\\/"_s;
    }
    else if (byte == '\n')
    {
        alternatives += u"|\\\\n"_s; // JSON-escaped, as in a service-account key file
    }
    else if (byte == '\r')
    {
        alternatives += u"|\\\\r"_s;
    }
    else if (byte == ' ')
    {
        alternatives += u"|\\+"_s;
    }
    return u"(?:"_s + alternatives + u')';
}

QString patternForSecret(const QByteArray &secret)
{
    QString pattern;
    bool ascii = true;
    for (const char byte : secret)
    {
        if (static_cast<unsigned char>(byte) >= 0x80)
        {
            ascii = false;
            break;
        }
        pattern += patternForByte(byte);
    }
    if (!ascii)
    {
        // Rare (secrets are ASCII in practice): match the literal text, as UTF-16 and as a Latin-1 byte view.
        pattern = QRegularExpression::escape(QString::fromUtf8(secret)) + u'|'
            + QRegularExpression::escape(QString::fromLatin1(secret));
    }
    return pattern;
}

// Called with reg.mutex held: must not log (the redacting handler would take the same lock).
void rebuildLocked(Registry &reg)
{
    constexpr qsizetype MaxPatternLength = 16 * 1024;
    // Longest first, so a secret that contains another one is replaced whole.
    QList<QByteArray> sorted = reg.secrets;
    std::sort(sorted.begin(), sorted.end(),
              [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    reg.expressions.clear();
    reg.literals.clear();
    QString chunk;
    QList<QByteArray> chunkSecrets;
    const auto flush = [&reg, &chunk, &chunkSecrets] {
        if (chunk.isEmpty())
        {
            return;
        }
        QRegularExpression expression(chunk);
        if (expression.isValid())
        {
            expression.optimize();
            reg.expressions.append(expression);
        }
        else
        {
            // Too big for PCRE2. Never hand an invalid pattern to replace(): Qt would print it, secrets and
            // all. Plain string matching still catches the raw and the percent-encoded forms.
            for (const QByteArray &secret : std::as_const(chunkSecrets))
            {
                reg.literals.append(QString::fromUtf8(secret));
                reg.literals.append(QString::fromLatin1(secret));
                reg.literals.append(QString::fromLatin1(secret.toPercentEncoding()));
            }
        }
        chunk.clear();
        chunkSecrets.clear();
    };
    for (const QByteArray &secret : sorted)
    {
        const QString pattern = u"(?:"_s + patternForSecret(secret) + u')';
        if (!chunk.isEmpty() && chunk.size() + pattern.size() + 1 > MaxPatternLength)
        {
            flush();
        }
        chunk += chunk.isEmpty() ? pattern : u'|' + pattern;
        chunkSecrets.append(secret);
    }
    flush();
}

struct Rule
{
    QRegularExpression expression;
    bool keepFirstGroup = false; ///< the name before the value (`access_token=`, `Bearer `) stays readable
};

const QList<Rule> &patternRules()
{
    // Never destroyed, like the registry: log lines can arrive during exit.
    static const QList<Rule> *const rules = new QList<Rule>([] {
        const auto ci = QRegularExpression::CaseInsensitiveOption;
        QList<Rule> list;
        // PEM private keys, including JSON-escaped ones ("\n" inside a service-account key) and cut-off blocks.
        list.append({QRegularExpression(u"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:.*?-----END [A-Z ]*PRIVATE KEY-----|.*$)"_s,
                                        QRegularExpression::DotMatchesEverythingOption),
                     false});
        // JSON fields, also inside an escaped JSON string (\"access_token\":\"…\").
        list.append({QRegularExpression(
                         u"(\\\\?\"(?:access_token|refresh_token|id_token|client_secret|private_key|assertion|"
                         "client_assertion|password|token_value|device_code)\\\\?\"\\s*:\\s*\\\\?\")"
                         "(?:[^\"\\\\]|\\\\(?!\")|\\\\\\\\)*"_s,
                         ci),
                     true});
        // Form and query parameters, with the '=' possibly percent-encoded.
        list.append({QRegularExpression(
                         u"((?<![A-Za-z0-9_])(?:access_token|refresh_token|id_token|client_secret|assertion|"
                         "client_assertion|code_verifier|password|token)(?:=|%3D))[^&\\s\"'<>]+"_s,
                         ci),
                     true});
        // OAuth authorization codes are long; a short value ("exit code=3") is not one.
        list.append({QRegularExpression(u"((?<![A-Za-z0-9_])code(?:=|%3D))[^&\\s\"'<>]{8,}"_s, ci), true});
        // Authorization headers.
        list.append({QRegularExpression(u"((?:Bearer|Basic)\\s+)[A-Za-z0-9._~+/=-]+"_s, ci), true});
        // Google access tokens, Google refresh tokens (plain and percent-encoded), Databricks PATs.
        list.append({QRegularExpression(u"ya29\\.[A-Za-z0-9._-]+"_s), false});
        list.append({QRegularExpression(u"(?<![A-Za-z0-9])1(?://|%2F%2F)[A-Za-z0-9_-]{10,}"_s, ci), false});
        list.append({QRegularExpression(u"(?<![A-Za-z0-9])dapi[0-9a-f]{16,}(?:-[0-9]+)?"_s), false});
        // Google OAuth client secrets, and JWTs (id tokens, assertions, Databricks OAuth access tokens).
        list.append({QRegularExpression(u"GOCSPX-[A-Za-z0-9_-]{10,}"_s), false});
        list.append({QRegularExpression(u"eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"_s), false});
        for (Rule &rule : list)
        {
            rule.expression.optimize();
        }
        return list;
    }());
    return *rules;
}

QString redactView(QString text, const QString &mark)
{
    if (text.isEmpty())
    {
        return text;
    }
    QList<QRegularExpression> registered;
    QStringList literals;
    {
        Registry &reg = registry();
        QMutexLocker lock(&reg.mutex);
        registered = reg.expressions;
        literals = reg.literals;
    }
    for (const QString &literal : std::as_const(literals))
    {
        if (!literal.isEmpty())
        {
            text.replace(literal, mark);
        }
    }
    for (const QRegularExpression &expression : std::as_const(registered))
    {
        text.replace(expression, mark);
    }
    for (const Rule &rule : patternRules())
    {
        text.replace(rule.expression, rule.keepFirstGroup ? u"\\1"_s + mark : mark);
    }
    return text;
}

QtMessageHandler g_previousHandler = nullptr;
std::atomic_bool g_installed = false;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // A message raised while redacting (by Qt itself) could carry what was being redacted: withhold it.
    thread_local bool inside = false;
    if (inside)
    {
        return;
    }
    inside = true;
    const QString clean = Util::redact(message);
    inside = false;
    if (g_previousHandler)
    {
        g_previousHandler(type, context, clean);
        return;
    }
    const QByteArray line = qFormatLogMessage(type, context, clean).toLocal8Bit();
    std::fprintf(stderr, "%s\n", line.constData());
    std::fflush(stderr);
}

} // namespace

namespace Util
{

void registerSecret(const QByteArray &secret)
{
    if (secret.size() < MinimumSecretLength)
    {
        return;
    }
    Registry &reg = registry();
    QMutexLocker lock(&reg.mutex);
    if (reg.secrets.contains(secret))
    {
        return;
    }
    reg.secrets.append(secret);
    rebuildLocked(reg);
}

void forgetSecret(const QByteArray &secret)
{
    Registry &reg = registry();
    QMutexLocker lock(&reg.mutex);
    if (reg.secrets.removeAll(secret) > 0)
    {
        rebuildLocked(reg);
    }
}

void forgetAllSecrets()
{
    Registry &reg = registry();
    QMutexLocker lock(&reg.mutex);
    reg.secrets.clear();
    rebuildLocked(reg);
}

QString redact(QString text)
{
    return redactView(std::move(text), QString::fromUtf16(RedactedMark));
}

QByteArray redact(QByteArray data)
{
    if (data.isEmpty())
    {
        return data;
    }
    // A Latin-1 view maps every byte to one character and back, so non-UTF-8 bytes survive the round trip;
    // the mark is inserted as its UTF-8 bytes seen through the same view.
    const QString mark = QString::fromLatin1(QString::fromUtf16(RedactedMark).toUtf8());
    return redactView(QString::fromLatin1(data), mark).toLatin1();
}

void installRedactingMessageHandler()
{
    if (g_installed.exchange(true))
    {
        return;
    }
    g_previousHandler = qInstallMessageHandler(redactingHandler);
}

} // namespace Util
