// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace I18n
{

void installTranslators(QTranslator &qt, QTranslator &app)
{
    if (qt.load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
    if (app.load(QLocale(), u"drive-ingest"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&app);
}

} // namespace I18n
