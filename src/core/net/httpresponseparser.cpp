// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/httpresponseparser.h"

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Net
{
namespace
{
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

/// A non-negative decimal without sign or spaces, below 2^62; -1 otherwise.
qint64 parseDecimal(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 value = 0;
    for (const char c : text)
    {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}
} // namespace

HttpResponseParser::HttpResponseParser(const Limits &limits)
    : m_limits(limits)
{
}

QByteArray HttpResponseParser::header(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers)
    {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponseParser::State HttpResponseParser::fail(const QString &why)
{
    m_state = State::Failed;
    m_error = why;
    m_phase = Phase::Complete;
    return m_state;
}

// Collects one line across feeds. False when the line grew past the limit (already failed).
bool HttpResponseParser::takeLine(const char *data, qint64 length, qint64 *pos, QByteArray *line, bool *complete)
{
    const char *start = data + *pos;
    const qint64 left = length - *pos;
    const void *nl = std::memchr(start, '\n', size_t(left));
    const qint64 take = nl ? (static_cast<const char *>(nl) - start) + 1 : left;
    if (m_line.size() + take > m_limits.maxLineLength + 2)
    {
        fail(u"A line of the response is longer than %1 bytes"_s.arg(m_limits.maxLineLength));
        return false;
    }
    m_line.append(start, take);
    *pos += take;
    *complete = nl != nullptr;
    if (*complete)
    {
        // CRLF, or a bare LF as lenient parsers accept.
        m_line.chop(1);
        if (m_line.endsWith('\r'))
            m_line.chop(1);
        *line = std::exchange(m_line, {});
    }
    return true;
}

bool HttpResponseParser::parseStatusLine(const QByteArray &line)
{
    // "HTTP/1.1 204 No Content"
    if (!line.startsWith("HTTP/1.") || line.size() < 12 || line.at(8) != ' ' || (line.size() > 12 && line.at(12) != ' '))
    {
        fail(u"Not an HTTP/1.x status line: %1"_s.arg(QString::fromLatin1(line.left(40).toPercentEncoding(" /."))));
        return false;
    }
    const qint64 status = parseDecimal(line.mid(9, 3));
    if (status < 100 || status > 599)
    {
        fail(u"Invalid HTTP status code in: %1"_s.arg(QString::fromLatin1(line.left(40).toPercentEncoding(" /."))));
        return false;
    }
    m_status = int(status);
    m_reason = line.size() > 13 ? line.mid(13) : QByteArray();
    m_headers.clear();
    m_headerBytes = 0;
    return true;
}

bool HttpResponseParser::parseHeaderLine(const QByteArray &line)
{
    m_headerBytes += line.size() + 2;
    if (m_headerBytes > m_limits.maxHeaderBytes || m_headers.size() >= m_limits.maxHeaders)
    {
        fail(u"The response headers exceed %1 lines or %2 bytes"_s.arg(m_limits.maxHeaders).arg(m_limits.maxHeaderBytes));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
    {
        fail(line.startsWith(' ') || line.startsWith('\t') ? u"Folded header lines are not accepted"_s
                                                           : u"A response header line has no name"_s);
        return false;
    }
    const QByteArray name = line.left(colon);
    if (!std::all_of(name.begin(), name.end(), isTokenChar))
    {
        fail(u"Invalid response header name"_s);
        return false;
    }
    m_headers.append({name, line.mid(colon + 1).trimmed()});
    return true;
}

// The blank line after the headers: decides how the body is delimited.
bool HttpResponseParser::headersComplete()
{
    if (m_status < 200)
    {
        // 100 Continue and friends: the real answer follows. (101 would switch protocols: not for a PUT.)
        if (m_status == 101)
        {
            fail(u"The server switched protocols"_s);
            return false;
        }
        m_status = 0;
        m_headers.clear();
        m_phase = Phase::StatusLine;
        return true;
    }
    QByteArray transferEncoding;
    qint64 length = -1;
    for (const auto &[key, value] : m_headers)
    {
        if (key.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
        {
            transferEncoding += (transferEncoding.isEmpty() ? "" : ",") + value;
        }
        else if (key.compare("Content-Length", Qt::CaseInsensitive) == 0)
        {
            const qint64 n = parseDecimal(value);
            if (n < 0 || (length >= 0 && n != length))
            {
                fail(u"Invalid or conflicting Content-Length in the response"_s);
                return false;
            }
            length = n;
        }
    }
    if (m_status == 204 || m_status == 304)
    {
        m_phase = Phase::Complete;
        return true;
    }
    if (!transferEncoding.isEmpty())
    {
        const QList<QByteArray> codings = transferEncoding.split(',');
        if (codings.last().trimmed().compare("chunked", Qt::CaseInsensitive) != 0)
        {
            fail(u"Unsupported transfer coding in the response: %1"_s.arg(QString::fromLatin1(transferEncoding.left(40))));
            return false;
        }
        m_phase = Phase::ChunkSize;
        return true;
    }
    if (length >= 0)
    {
        if (length > m_limits.maxBody)
        {
            fail(u"The response body of %1 bytes exceeds the limit of %2"_s.arg(length).arg(m_limits.maxBody));
            return false;
        }
        m_remaining = length;
        m_phase = length == 0 ? Phase::Complete : Phase::BodyLength;
        return true;
    }
    m_phase = Phase::BodyUntilClose;
    return true;
}

bool HttpResponseParser::appendBody(const char *data, qint64 length)
{
    if (m_receiver)
    {
        if (length > 0)
            m_receiver(data, length);
        return true;
    }
    if (m_body.size() + length > m_limits.maxBody)
    {
        fail(u"The response body exceeds the limit of %1 bytes"_s.arg(m_limits.maxBody));
        return false;
    }
    m_body.append(data, length);
    return true;
}

HttpResponseParser::State HttpResponseParser::feed(const char *data, qint64 length)
{
    if (m_state != State::NeedMore)
    {
        if (m_state == State::Done)
            m_extra += length;
        return m_state;
    }
    qint64 pos = 0;
    while (pos < length && m_phase != Phase::Complete)
    {
        switch (m_phase)
        {
        case Phase::StatusLine:
        case Phase::Headers:
        case Phase::ChunkSize:
        case Phase::ChunkDataEnd:
        case Phase::Trailers:
        {
            QByteArray line;
            bool complete = false;
            if (!takeLine(data, length, &pos, &line, &complete))
                return m_state;
            if (!complete)
                break;
            if (m_phase == Phase::StatusLine)
            {
                if (line.isEmpty() && m_status == 0 && m_headers.isEmpty())
                    continue; // a stray CRLF before the status line (after a 1xx): tolerated
                if (!parseStatusLine(line))
                    return m_state;
                m_phase = Phase::Headers;
            }
            else if (m_phase == Phase::Headers)
            {
                if (line.isEmpty())
                {
                    if (!headersComplete())
                        return m_state;
                }
                else if (!parseHeaderLine(line))
                {
                    return m_state;
                }
            }
            else if (m_phase == Phase::ChunkSize)
            {
                const qsizetype semicolon = line.indexOf(';');
                const QByteArray hex = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
                bool ok = !hex.isEmpty() && hex.size() <= 15;
                const qint64 size = ok ? hex.toLongLong(&ok, 16) : -1;
                if (!ok || size < 0 || hex.startsWith('+') || hex.startsWith('-'))
                    return fail(u"Invalid chunk size in the response"_s);
                if (size == 0)
                {
                    m_phase = Phase::Trailers;
                }
                else
                {
                    if (m_body.size() + size > m_limits.maxBody)
                        return fail(u"The response body exceeds the limit of %1 bytes"_s.arg(m_limits.maxBody));
                    m_remaining = size;
                    m_phase = Phase::ChunkData;
                }
            }
            else if (m_phase == Phase::ChunkDataEnd)
            {
                if (!line.isEmpty())
                    return fail(u"A chunk of the response is longer than its size"_s);
                m_phase = Phase::ChunkSize;
            }
            else // Trailers: read and dropped, bounded like headers
            {
                if (line.isEmpty())
                {
                    m_phase = Phase::Complete;
                }
                else
                {
                    m_headerBytes += line.size() + 2;
                    if (m_headerBytes > m_limits.maxHeaderBytes)
                        return fail(u"The response trailers exceed %1 bytes"_s.arg(m_limits.maxHeaderBytes));
                }
            }
            break;
        }
        case Phase::BodyLength:
        case Phase::ChunkData:
        {
            const qint64 take = std::min(m_remaining, length - pos);
            if (!appendBody(data + pos, take))
                return m_state;
            pos += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_phase = m_phase == Phase::BodyLength ? Phase::Complete : Phase::ChunkDataEnd;
            break;
        }
        case Phase::BodyUntilClose:
        {
            if (!appendBody(data + pos, length - pos))
                return m_state;
            pos = length;
            break;
        }
        case Phase::Complete:
            break;
        }
    }
    if (m_phase == Phase::Complete && m_state == State::NeedMore)
    {
        m_state = State::Done;
        m_extra += length - pos;
    }
    return m_state;
}

HttpResponseParser::State HttpResponseParser::closed()
{
    if (m_state != State::NeedMore)
        return m_state;
    if (m_phase == Phase::BodyUntilClose)
    {
        m_phase = Phase::Complete;
        m_state = State::Done;
        return m_state;
    }
    if (m_phase == Phase::StatusLine && m_status == 0 && m_line.isEmpty())
        return fail(u"The connection closed before any response"_s);
    if (m_phase == Phase::BodyLength)
        return fail(u"The connection closed %1 bytes before the end of the response body"_s.arg(m_remaining));
    return fail(u"The connection closed in the middle of the response"_s);
}

} // namespace Net
