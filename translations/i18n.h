// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTranslator;

namespace I18n
{

/// Installs Qt's own translation and Drive Ingest's (embedded under :/i18n) for the system language
/// (LANGUAGE/LANG on Linux). The translators must outlive their use; the app and the CLI keep them in main().
void installTranslators(QTranslator &qt, QTranslator &app);

} // namespace I18n
