// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Drive
{
/// What a user points at: a Drive id taken from a share link, a pasted id, or a browser selection.
struct DriveRef
{
    enum class Kind
    {
        Unknown, ///< a bare id: metadata will tell
        File,
        Folder,
        Document,
        Spreadsheet,
        Presentation,
        Drawing,
        Form,
        Script,
    };

    QString id;
    QString resourceKey; ///< from ?resourcekey=…; sent as X-Goog-Drive-Resource-Keys
    Kind kind = Kind::Unknown;

    [[nodiscard]] bool isValid() const { return !id.isEmpty(); }
    friend bool operator==(const DriveRef &, const DriveRef &) = default;
};

} // namespace Drive

Q_DECLARE_METATYPE(Drive::DriveRef)
