// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include "transfer/reportformat.h"

using namespace Qt::StringLiterals;

namespace ReportWriter
{
QString toolName()
{
    return u"drive-ingest"_s;
}

QString save(const Transfer::Report &report, const QString &fileName, const Transfer::RunOutcome::Stops &stops)
{
    QString error;
    if (!Transfer::ReportFormat::write(fileName, report, Transfer::RunOutcome::of(report, stops), toolName(), &error))
        return error;
    return {};
}
} // namespace ReportWriter
