// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Cli
{
/**
 * What `--to DEST` names. Parsing is separate from building the Destination so new schemes only add a
 * row to the scheme table in destinationspec.cpp (and a factory in IngestCommand):
 *   /abs/or/relative/path, ./x, file:/path   -> Local
 *   volume:/Volumes/<catalog>/<schema>/<volume>[/path]   -> Volume
 *   dbfs:/path                                -> Dbfs
 */
struct DestinationSpec
{
    Q_DECLARE_TR_FUNCTIONS(Cli::DestinationSpec)

public:
    enum class Kind
    {
        Local,
        Volume,
        Dbfs,
    };

    Kind kind = Kind::Local;
    QString path;     ///< Local: absolute, cleaned; Volume: "/Volumes/c/s/v/..."; Dbfs: "/..."
    QString original; ///< as typed

    [[nodiscard]] static QString kindName(Kind kind); ///< "local", "volume", "dbfs"
    /// Parses DEST; nullopt with a human `*error` when it is malformed.
    [[nodiscard]] static std::optional<DestinationSpec> parse(const QString &text, QString *error);
};

} // namespace Cli
