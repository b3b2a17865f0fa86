// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

class QWidget;

/// What a newcomer needs before "Sign in with Google": what the OAuth client file is, how to make one in the
/// Google Cloud console (the README's "Sign in to Google" steps) and where those steps are written.
namespace SignInHelp
{
/// The steps as rich text (translated), with links to the Cloud console and the README section.
[[nodiscard]] QString stepsHtml();
/// The README's "Sign in to Google" section on the project's page.
[[nodiscard]] QUrl readmeUrl();
/// Before the file picker: says what the file is and where to get it. True when the user goes on to choose it.
[[nodiscard]] bool explainClientFile(QWidget *parent);
/// Help → "Setting up Google sign-in": the same steps in a window of their own (not modal).
void showSteps(QWidget *parent);
} // namespace SignInHelp
