/* folder.h - a folder of files (the model folder) replaced whole: written
 * under a temporary name beside it, then renamed into place, the previous
 * one kept as DIR.prev. */
#ifndef STANCE_FOLDER_H
#define STANCE_FOLDER_H

#include "util.h"

/* Make an empty folder DIR.new.XXXXXX beside dir and return its name
 * (caller frees), or NULL with err filled.  A signal handler installed by
 * st_out_install_signals() removes it if the process is killed before
 * st_folder_commit() or st_folder_abort(). */
char *st_folder_new(const char *dir, struct st_error *err);

/* Put the folder tmp (from st_folder_new) in the place of dir: an
 * existing DIR.prev is removed, dir (if there is one) becomes DIR.prev,
 * and tmp becomes dir.  *had_prev gets 1 when there was a dir to keep.
 * On failure dir is left as it was.  tmp is freed either way. */
int st_folder_commit(char *tmp, const char *dir, int *had_prev,
                     struct st_error *err);

/* Remove tmp (from st_folder_new) and what is in it, and free it. */
void st_folder_abort(char *tmp);

/* Remove path: a file, or a folder with everything in it.  0 or -1 with
 * err filled; a path that does not exist is not an error. */
int st_rmtree(const char *path, struct st_error *err);

#endif
