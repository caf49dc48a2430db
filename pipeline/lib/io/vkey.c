/* vkey.c - the key that ties a feature vector line to its quote. */
#include <string.h>

#include "io/io.h"

void st_vkey_add(struct st_buf *b, const char *article, const char *quote_id)
{
	st_buf_adds(b, " # ");
	st_tsv_escape(b, article);
	st_buf_addc(b, '\t');
	st_tsv_escape(b, quote_id);
}

int st_vkey_split(char *line, char **article, char **quote_id,
                  const char *path, long lineno, struct st_error *err)
{
	char *hash = strchr(line, '#'), *r, *w, *tab = NULL, *v;

	*article = *quote_id = NULL;
	if (!hash)
		return 0;
	/* the vector ends before the mark and the blanks before it */
	for (v = hash; v > line && (v[-1] == ' ' || v[-1] == '\t'); v--)
		;
	*v = '\0';
	r = w = hash + 1;
	if (*r == ' ')
		r = w = hash + 2;
	*article = r;
	for (; *r && *r != '\r'; r++) {
		if (*r == '\t') {
			if (tab)
				return st_fail(err, path, lineno, "bad key: more "
				               "than one tab");
			*w++ = '\0';
			tab = w;
			continue;
		}
		if (*r != '\\') {
			*w++ = *r;
			continue;
		}
		switch (*++r) {
		case '\\': *w++ = '\\'; break;
		case 't': *w++ = '\t'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		default:
			return st_fail(err, path, lineno, "bad key: unknown "
			               "escape '\\%c'", *r ? *r : ' ');
		}
	}
	*w = '\0';
	if (!tab)
		return st_fail(err, path, lineno, "bad key: no tab between the "
		               "article and the quote id");
	if (!**article || !*tab)
		return st_fail(err, path, lineno, "bad key: empty article or "
		               "quote id");
	*quote_id = tab;
	return 1;
}
