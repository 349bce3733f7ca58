/**
 * The log edge: {@link com.adfops.logging.SafeMessageConverter}, the Logback converter that {@code logback-spring.xml}
 * puts in place of {@code %m}, so no log line carries a secret or a forged line.
 *
 * <p>May import {@code adf} (the redactor) and Logback.
 */
package com.adfops.logging;
