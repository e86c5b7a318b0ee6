package io.github.rfc6455.server;
/** Placeholder until the module lands. */
public final class Placeholder { private Placeholder() { } }
