// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internals of Drive shared by drive.cpp (routing, auth, field masks, file JSON), drive_files.cpp (files.list,
// files.get), drive_media.cpp (alt=media, exports) and drive_changes.cpp (drives, about, changes).
// Not part of the sandbox's interface.

#include "server.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <openssl/evp.h>
#include <set>
#include <string>

namespace sandbox::drive_detail
{

inline const std::set<std::string> kFileFields = { "kind", "id", "name", "mimeType", "description", "starred", "trashed",
    "explicitlyTrashed", "trashingUser", "trashedTime", "parents", "properties", "appProperties", "spaces", "version",
    "webContentLink", "webViewLink", "iconLink", "hasThumbnail", "thumbnailLink", "thumbnailVersion", "viewedByMe",
    "viewedByMeTime", "createdTime", "modifiedTime", "modifiedByMeTime", "modifiedByMe", "sharedWithMeTime",
    "sharingUser", "owners", "teamDriveId", "driveId", "lastModifyingUser", "shared", "ownedByMe", "capabilities",
    "viewersCanCopyContent", "copyRequiresWriterPermission", "writersCanShare", "permissions", "permissionIds",
    "hasAugmentedPermissions", "folderColorRgb", "originalFilename", "fullFileExtension", "fileExtension",
    "md5Checksum", "sha1Checksum", "sha256Checksum", "size", "quotaBytesUsed", "headRevisionId", "contentHints",
    "imageMediaMetadata", "videoMediaMetadata", "isAppAuthorized", "exportLinks", "shortcutDetails",
    "contentRestrictions", "resourceKey", "linkShareMetadata", "labelInfo", "downloadRestrictions",
    "inheritedPermissionsDisabled", "*" };

/// A Change resource's fields (reference: resume-incremental.md §1b), deprecated ones included.
inline const std::set<std::string> kChangeFields = { "kind", "changeType", "removed", "fileId", "file", "time",
    "driveId", "drive", "type", "teamDriveId", "teamDrive", "*" };

inline std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

inline std::string md5Hex(const std::string &s)
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    EVP_Digest(s.data(), s.size(), d, &len, EVP_md5(), nullptr);
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i)
    {
        out.push_back(digits[d[i] >> 4]);
        out.push_back(digits[d[i] & 15]);
    }
    return out;
}

inline bool parseInt(const std::string &s, long long *out)
{
    if (s.empty())
        return false;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && p == s.data() + s.size();
}

inline GoogleError invalidParam(const std::string &location, const std::string &message = "Invalid Value")
{
    return GoogleError { 400, message, "invalid", "global", location, "parameter", {} };
}

inline GoogleError invalidFields(const std::string &bad)
{
    return GoogleError { 400, "Invalid field selection " + bad, "invalidParameter", "global", "fields", "parameter", {} };
}

inline GoogleError driveNotFound(const std::string &id)
{
    return GoogleError { 404, "Shared drive not found: " + id, "notFound", "global", "driveId", "parameter", {} };
}

inline GoogleError insufficientPermissions(const std::string &id)
{
    return GoogleError { 403, "The user does not have sufficient permissions for file " + id + ".",
        "insufficientFilePermissions" };
}

inline GoogleError notFound(const std::string &id)
{
    return GoogleError { 404, "File not found: " + id + ".", "notFound", "global", "fileId", "parameter", {} };
}

inline std::string exportPathSegment(const std::string &mime)
{
    if (mime == "application/vnd.google-apps.spreadsheet")
        return "spreadsheets";
    if (mime == "application/vnd.google-apps.presentation")
        return "presentations";
    if (mime == "application/vnd.google-apps.drawing")
        return "drawings";
    if (mime == "application/vnd.google-apps.script")
        return "scripts";
    return "documents";
}

inline std::string extensionOf(const std::string &name)
{
    const auto dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot + 1);
}

} // namespace sandbox::drive_detail
