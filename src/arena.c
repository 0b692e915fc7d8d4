#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include "arena.h"

enum { ARENA_BLOCK = 1 << 20 };

struct sk__arena_block {
    sk__arena_block *next;
    size_t used, size;
    alignas(max_align_t) unsigned char data[];
};

void
sk__arena_init(sk__arena *arena)
{
    arena->head = NULL;
}

void *
sk__arena_alloc(sk__arena *arena, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    sk__arena_block *b = arena->head;
    if (b == NULL || b->size - b->used < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        if (cap > SIZE_MAX - sizeof *b)
            return NULL;
        b = malloc(sizeof *b + cap);
        if (b == NULL)
            return NULL;
        b->next = arena->head;
        b->used = 0;
        b->size = cap;
        arena->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

void
sk__arena_free(sk__arena *arena)
{
    sk__arena_block *b = arena->head;
    while (b != NULL) {
        sk__arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
}
