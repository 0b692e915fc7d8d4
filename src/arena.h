/* A bump allocator for scratch memory that lives as long as one page: everything is freed in
** one go with sk__arena_free, so per-page work cannot leak. */
#ifndef SK_ARENA_H
#define SK_ARENA_H

#include <stddef.h>

typedef struct sk__arena_block sk__arena_block;

typedef struct sk__arena {
    sk__arena_block *head;
} sk__arena;

void sk__arena_init(sk__arena *arena);
/* Aligned for any type; NULL when out of memory.  Memory is not zeroed. */
void *sk__arena_alloc(sk__arena *arena, size_t size);
void sk__arena_free(sk__arena *arena);

#endif
