// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/loadsnippet.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

/// In the report: what happened to the run's ingest log table, and the load snippet for a Volume run with a
/// button that copies it. Only shows; IngestLogFlow decides.
class IngestLogPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestLogPanel)

public:
    explicit IngestLogPanel(QWidget *parent = nullptr);

    void clear();
    /// "Writing the ingest log…", then IngestLogOutcome::text(); `failed` marks it as a problem. Empty hides it.
    void setLogText(const QString &text, bool failed = false);
    /// The SQL for the landed folder; nullopt hides it.
    void setSnippet(const std::optional<Transfer::LoadSnippet> &snippet);

    [[nodiscard]] QString logText() const;
    [[nodiscard]] QString snippetText() const;
    [[nodiscard]] QPushButton *copyButton() const { return m_copy; }

private:
    QLabel *m_log;
    QLabel *m_snippetTitle;
    QPlainTextEdit *m_snippet;
    QPushButton *m_copy;
};
