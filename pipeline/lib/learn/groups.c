/* groups.c - the feature groups: one table of names, bits and prefixes. */
#include "learn/learn.h"
#include "learn/internal.h"

#include <stdio.h>
#include <string.h>

/* In bit order: entry k is the group of bit 1 << k. */
static const struct {
	const char *name;
	unsigned bit;
	char prefix;
} groups_tab[] = {
	{ "words", ST_G_WORDS, 'w' },
	{ "bigrams", ST_G_BIGRAMS, 'b' },
	{ "chars", ST_G_CHARS, 'n' },
	{ "context", ST_G_CONTEXT, 'c' },
	{ "role", ST_G_ROLE, 'r' },
	{ "lexicon", ST_G_LEXICON, 'l' },
	{ "actors", ST_G_ACTORS, 'a' },	/* its terms: actor:..., actor_camp:... */
};
#define NGROUPS (sizeof groups_tab / sizeof groups_tab[0])

int st_groups_parse(const char *s, unsigned *groups)
{
	unsigned g = 0;

	while (*s) {
		size_t n = strcspn(s, ","), k;

		for (k = 0; k < NGROUPS; k++)
			if (strlen(groups_tab[k].name) == n &&
			    strncmp(groups_tab[k].name, s, n) == 0)
				break;
		if (k == NGROUPS)
			return -1;
		g |= groups_tab[k].bit;
		s += n + (s[n] == ',');
	}
	if (!g)
		return -1;
	*groups = g;
	return 0;
}

void st_groups_format(unsigned groups, char *buf, size_t size)
{
	size_t k, len = 0;

	buf[0] = '\0';
	for (k = 0; k < NGROUPS; k++)
		if (groups & groups_tab[k].bit)
			len += (size_t)snprintf(buf + len, len < size ? size - len : 0,
			                        "%s%s", len ? "," : "",
			                        groups_tab[k].name);
}


const char *st_group_name(int k)
{
	return k >= 0 && (size_t)k < NGROUPS ? groups_tab[k].name : NULL;
}

int st_group_of(const char *term)
{
	size_t k;

	for (k = 0; k < NGROUPS; k++)
		if (term[0] == groups_tab[k].prefix)
			return (int)k;
	return -1;
}
