// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

/// What a new user sees with no account: sign in with Google, or try the whole flow against the sandbox.
class FirstRunPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunPage)

public:
    explicit FirstRunPage(QWidget *parent = nullptr);

    void setBusy(bool busy, const QString &message = {});
    [[nodiscard]] QPushButton *sandboxButton() const { return m_sandbox; }

signals:
    void signInWithGoogle();
    void trySandbox();

private:
    QPushButton *m_google = nullptr;
    QPushButton *m_sandbox = nullptr;
    QLabel *m_status = nullptr;
};
