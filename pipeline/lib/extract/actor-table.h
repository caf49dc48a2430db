/* actor-table.h - the actor dictionary's tables, shared by the two
 * files that build and read them (actors.c, actors-load.c); nothing
 * outside extract/ includes this. */
#ifndef STANCE_ACTOR_TABLE_H
#define STANCE_ACTOR_TABLE_H

#include "extract/extract.h"

extern const char *const st_actor_kinds[];



struct actor {
	char *id, *kind;
	char **var;
	size_t nvar;
	int person;
};

struct aff_rec {
	int actor;
	struct st_aff a;	/* strings owned here */
};

struct st_actors {
	struct actor *ac;
	size_t nac, capac;
	struct st_map ids;		/* id -> index into ac */
	struct aff_rec *af;
	size_t naf, capaf;
	/* built after each load: name key -> actor, or -2 when two actors
	 * share it */
	struct st_map names, orgs, surnames;
	/* first word of an organisation's variant -> the most words of the
	 * variants that start with it, so that a role is searched only
	 * where a variant can start */
	struct st_map first;
};


/* Free what one actor or one affiliation record holds (not the struct). */
void st_actor_clear(struct actor *c);
void st_aff_clear(struct aff_rec *r);

/* Rebuild the name indexes after a load. */
void st_actors_index(struct st_actors *a);

#endif
