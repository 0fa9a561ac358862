#ifndef CSQLITE_TUNING_H
#define CSQLITE_TUNING_H

#include <sqlite3.h>

/// sqlite3_db_config is variadic, which Swift cannot call; these wrappers fix its arguments.

/// Closing the connection does not checkpoint the WAL (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE).
int kp_sqlite_disable_checkpoint_on_close(sqlite3 *db);

#endif
