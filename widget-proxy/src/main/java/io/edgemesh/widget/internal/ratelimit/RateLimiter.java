package io.edgemesh.widget.internal.ratelimit;

import java.util.List;

/**
 * Takes one token from each of several buckets, all or nothing: when one bucket is empty the tokens
 * already taken from the others are given back, so a refused request costs the caller nothing.
 */
public interface RateLimiter {

    /** Takes a token from every limit; when several refuse, the first in list order is reported. */
    Decision acquire(List<Limit> limits);
}
