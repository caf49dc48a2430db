/* commit.h - a folder of outputs (a model, the reports) replaced whole or
 * not at all.
 *
 * st_stage_open() makes a fresh folder beside DIR, DIR.new-HOST-PID-XXXXXX,
 * after removing the ones that processes of this host no longer running
 * left behind (a kill leaves nothing for ever, and a live run elsewhere is
 * never touched).  own names the files the stage writes (NULL-terminated;
 * NULL when nothing is carried): anything else in a stale stage was
 * carried from DIR by a run killed before its swap, and goes back to DIR
 * first.  The caller writes every output into stage->path, then
 * st_stage_commit() swaps it with DIR in one step (renameat2 with
 * RENAME_EXCHANGE; one rename when DIR does not exist yet), so that a
 * reader, a kill or a full disk sees the old folder or the new one, never
 * a mix.  Where the file system cannot exchange, the old DIR is renamed
 * away first and the new one renamed in: a kill between the two leaves no
 * DIR but the old one beside it.
 *
 * With ST_STAGE_CARRY, entries of the old DIR that the stage did not write
 * (plots and evaluations beside the reports) are moved into the stage just
 * before the swap, and back if it fails.  With ST_STAGE_KEEP_PREV the old
 * folder becomes DIR.prev, replacing an older one; otherwise it is removed.
 *
 * Errors name the folder and return -1 with err filled; on failure the
 * stage is removed and DIR is as it was. */
#ifndef STANCE_COMMIT_H
#define STANCE_COMMIT_H

#include "util.h"

struct st_stage {
	char *dir;	/* the folder to replace */
	char *path;	/* the folder being written */
};

#define ST_STAGE_CARRY 1
#define ST_STAGE_KEEP_PREV 2

/* Create the stage for dir; the caller owns stage and calls exactly one of
 * st_stage_commit() or st_stage_abort(). */
int st_stage_open(struct st_stage *stage, const char *dir,
                  const char *const *own, struct st_error *err);
/* Swap the stage in for its folder; the stage is gone afterwards, either
 * way. */
int st_stage_commit(struct st_stage *stage, int flags, struct st_error *err);
/* Remove the stage and everything in it (NULL paths are fine). */
void st_stage_abort(struct st_stage *stage);

#endif
