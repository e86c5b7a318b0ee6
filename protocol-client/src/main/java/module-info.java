module io.github.rfc6455.client { requires io.github.rfc6455.core; requires io.github.rfc6455.nio; }
