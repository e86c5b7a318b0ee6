package io.github.rfc6455.client;
/** Placeholder until the module lands. */
public final class Placeholder { private Placeholder() { } }
