// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/logging.h"

// Debug output is opt-in: info and above are on by default.
Q_LOGGING_CATEGORY(lcUtil, "driveingest.util", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "driveingest.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDrive, "driveingest.drive", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "driveingest.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDest, "driveingest.dest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "driveingest.transfer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "driveingest.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "driveingest.gui", QtInfoMsg)
