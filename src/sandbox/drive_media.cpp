// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive.h"
#include "drive_p.h"

#include "content.h"
#include "faults.h"
#include "query.h"
#include "server.h"
#include "stats.h"

namespace sandbox
{

using namespace drive_detail;

void Drive::media(const Item &item, const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges)
{
    if (item.kind != Item::Kind::Blob)
    {
        Server::sendGoogleError(res,
            GoogleError { 403,
                "Only files with binary content can be downloaded. Use Export with "
                "Docs Editors files.",
                "fileNotDownloadable", "global", "alt", "parameter", {} });
        return;
    }
    const FileFaults f = m_faults.fileFaults(item.id);
    if (f.insufficientPermissions)
    {
        Server::sendGoogleError(res, insufficientPermissions(item.id));
        return;
    }
    bool acknowledge = false;
    if (!parseBoolParam(req, res, "acknowledgeAbuse", &acknowledge))
        return;
    if (f.abusive && !acknowledge)
    {
        Server::sendGoogleError(res,
            GoogleError { 403,
                "This file has been identified as malware or spam and cannot be "
                "downloaded.",
                "cannotDownloadAbusiveFile", "global", "acknowledgeAbuse", "parameter", {} });
        return;
    }
    if (f.downloadQuotaExceeded)
    {
        Server::sendGoogleError(res,
            GoogleError { 403, "The download quota for this file has been exceeded.", "downloadQuotaExceeded", "global",
                {}, {}, "DOWNLOAD_QUOTA_EXCEEDED" });
        return;
    }
    const Faults::MediaPlan plan = m_faults.planMedia(item.id);
    if (plan.errorStatus)
    {
        if (plan.errorStatus == 503)
            Server::sendGoogleError(res, GoogleError { 503, "The service is currently unavailable.", "backendError" });
        else if (plan.errorStatus == 429)
            Server::sendGoogleError(
                res, GoogleError { 429, "Rate Limit Exceeded", "rateLimitExceeded", "usageLimits" });
        else if (plan.errorStatus == 403)
            Server::sendGoogleError(
                res, GoogleError { 403, "User Rate Limit Exceeded", "userRateLimitExceeded", "usageLimits" });
        else
            Server::sendGoogleError(res, GoogleError { plan.errorStatus, "Backend Error", "backendError" });
        return;
    }
    // cpp-httplib 0.11.4 never checks ranges against the length: clamp, resolve suffixes, refuse the rest.
    const auto size = static_cast<ssize_t>(item.size);
    if (ranges.size() > 1)
        ranges.clear(); // Drive documents one range per request; serve the whole body
    for (auto &r : ranges)
    {
        if (r.first == -1)
        {
            r.first = std::max<ssize_t>(0, size - r.second);
            r.second = size - 1;
        }
        if (r.second == -1 || r.second >= size)
            r.second = size - 1;
        if (r.first >= size || r.first > r.second || r.second < 0)
        {
            res.set_header("Content-Range", "bytes */" + std::to_string(item.size));
            Server::sendGoogleError(res,
                GoogleError { 416, "Request range not satisfiable", "requestedRangeNotSatisfiable", "global", "Range",
                    "header", {} });
            return;
        }
    }
    res.set_header("Content-Disposition", "attachment");
    res.set_header("Cache-Control", "private, max-age=0, must-revalidate");
    res.set_header("X-GUploader-UploadID", Content::makeId(m_content.seed(), "upload:" + item.id, 60, "AD"));
    if (item.size == 0)
    {
        res.status = 200;
        res.set_content(std::string(), item.mimeType);
        return;
    }
    if (!ranges.empty())
    {
        const_cast<httplib::Request &>(req).ranges = ranges;
        res.status = 206;
    }
    else
        res.status = 200;
    // The body streams after the handler (and its read lock) returned: it reads from a copy of the item as it
    // is now, so a `modify` during the download changes nothing in it (the old revision completes).
    Content *content = &m_content;
    auto snapshot = std::make_shared<const Item>(item);
    m_server.streamBody(
        res, std::int64_t(item.size), item.mimeType,
        [content, snapshot](std::uint64_t offset, char *out, std::size_t len)
        { return content->read(*snapshot, offset, out, len); },
        plan);
}

void Drive::sendExport(const Item &item, const std::string &mime, const std::string &ext, httplib::Response &res)
{
    if (m_faults.fileFaults(item.id).insufficientPermissions)
    {
        Server::sendGoogleError(res, insufficientPermissions(item.id));
        return;
    }
    const Faults::MediaPlan plan = m_faults.planMedia(item.id);
    if (plan.errorStatus)
    {
        Server::sendGoogleError(res,
            GoogleError { plan.errorStatus,
                plan.errorStatus == 503 ? "The service is currently unavailable." : "Backend Error", "backendError" });
        return;
    }
    const std::uint64_t size = Content::exportSize(item, ext);
    const std::uint64_t key = Content::exportKey(item, ext);
    res.status = 200;
    res.set_header("Cache-Control", "private, max-age=0, must-revalidate");
    // Built on the fly: no length up front, no Range.
    m_server.streamBody(
        res, -1, mime,
        [size, key](std::uint64_t offset, char *out, std::size_t len) -> std::size_t
        {
            if (offset >= size)
                return 0;
            const std::size_t n = std::size_t(std::min<std::uint64_t>(len, size - offset));
            Content::generate(key, offset, out, n);
            return n;
        },
        plan);
}

void Drive::filesExport(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    const std::string id = req.matches[1];
    if (!req.has_param("mimeType") || req.get_param_value("mimeType").empty())
    {
        Server::sendGoogleError(res,
            GoogleError { 400, "Required parameter: mimeType", "required", "global", "mimeType", "parameter", {} });
        return;
    }
    const Item *item = visibleItem(id, req, res);
    if (!item)
        return;
    if (item->kind != Item::Kind::Google)
    {
        Server::sendGoogleError(res,
            GoogleError { 403, "Export only supports Docs Editors files.", "fileNotExportable", "global", {}, {}, {} });
        return;
    }
    const std::string wanted = lower(req.get_param_value("mimeType"));
    const ExportFormat *format = nullptr;
    for (const ExportFormat &f : Content::exportFormats(item->mimeType))
        if (lower(f.mimeType) == wanted)
            format = &f;
    if (!format)
    {
        Server::sendGoogleError(res,
            GoogleError { 400, "The requested conversion is not supported.", "badRequest", "global", "convertTo",
                "parameter", {} });
        return;
    }
    if (Content::exportSize(*item, format->extension) > kExportLimit)
    {
        Server::sendGoogleError(res,
            GoogleError {
                403, "This file is too large to be exported.", "exportSizeLimitExceeded", "global", {}, {}, {} });
        return;
    }
    sendExport(*item, req.get_param_value("mimeType"), format->extension, res);
}

void Drive::exportLink(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    const std::string id = req.get_param_value("id");
    const Item *item = m_content.find(id);
    if (!item || item->kind != Item::Kind::Google)
    {
        Server::sendGoogleError(res, notFound(id));
        return;
    }
    const std::string ext = lower(req.get_param_value("exportFormat"));
    for (const ExportFormat &f : Content::exportFormats(item->mimeType))
    {
        if (f.extension == ext)
        {
            // exportLinks have no 10 MB cap: that is why clients fall back to them.
            sendExport(*item, f.mimeType, ext, res);
            return;
        }
    }
    Server::sendGoogleError(res,
        GoogleError { 400, "The requested conversion is not supported.", "badRequest", "global", "exportFormat",
            "parameter", {} });
}
} // namespace sandbox
