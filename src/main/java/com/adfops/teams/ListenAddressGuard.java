package com.adfops.teams;

import com.adfops.config.AuthProperties;
import com.adfops.config.BotProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a bot without Bot Framework authentication (no {@code MicrosoftAppId}) that would listen on a
 * non-loopback address, unless {@code ADFOPS_ALLOW_UNAUTHENTICATED=true} says this is deliberate (local
 * development on a trusted network). Registered in {@code META-INF/spring.factories} so it runs before the
 * web server starts.
 */
public class ListenAddressGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment env) {
        BotProperties bot = BotProperties.from(env);
        // Runs before the context exists, so the settings record is bound here by hand.
        boolean allowed = Binder.get(env).bind("adfops.auth", AuthProperties.class)
                .map(AuthProperties::allowUnauthenticated).orElse(false);
        String address = bot.listenAddress();
        if (bot.authenticated() || allowed || isLoopback(address)) {
            return;
        }
        throw new IllegalStateException("Refusing to listen on '" + (address.isBlank() ? "all interfaces" : address)
                + "' without authentication: set MicrosoftAppId (and its credentials), listen on 127.0.0.1, or set "
                + "ADFOPS_ALLOW_UNAUTHENTICATED=true for local development.");
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
