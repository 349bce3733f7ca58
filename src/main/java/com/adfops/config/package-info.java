/**
 * The composition root: typed configuration ({@code @ConfigurationProperties} records bound from environment
 * variables) and the beans that choose, per setting, between the embedded defaults (simulated factory,
 * offline agent) and the real services. The only package that may import every other.
 */
package com.adfops.config;
