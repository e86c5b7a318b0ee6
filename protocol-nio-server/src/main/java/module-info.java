module io.github.rfc6455.server { requires io.github.rfc6455.core; requires io.github.rfc6455.nio; }
