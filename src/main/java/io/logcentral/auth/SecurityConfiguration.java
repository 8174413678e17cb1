package io.logcentral.auth;

import io.logcentral.web.Problems;
import jakarta.servlet.DispatcherType;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            TokenRegistry registry,
            RateLimits rateLimits,
            AuthProperties properties,
            Problems problems)
            throws Exception {
        TokenFailureHandler failures = new TokenFailureHandler(problems);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // Spring Security's defaults (nosniff, frame denial, no caching, HSTS over TLS) plus no referrer; the
                // web page's own Content-Security-Policy comes from the ui module.
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .anonymous(anonymous -> anonymous.disable())
                // The filters are made here, not as beans, or Boot would also register them as servlet filters.
                .addFilterBefore(
                        new TokenAuthenticationFilter(registry, anonymousPrincipal(properties.anonymous()), failures),
                        AuthorizationFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimits, problems), TokenAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                .authorizeHttpRequests(requests -> {
                    // The async dispatches of a live tail and the error page belong to a request already judged.
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                            .permitAll();
                    requests.anyRequest().access(AccessRules.INSTANCE);
                });
        return http.build();
    }

    /**
     * The firewall's refusals (an encoded dot segment, a path parameter, a line break in a header) as problem details
     * like every other answer; the refused text is not logged.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, rejected) -> problems.write(
                response,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "the request was refused: its path or headers hold characters or segments that are not"
                                + " allowed"),
                null);
    }

    private static TokenPrincipal anonymousPrincipal(AuthProperties.Anonymous anonymous) {
        if (anonymous.scopes().isEmpty()) {
            return null;
        }
        String service = anonymous.service() == null || anonymous.service().isBlank() ? null : anonymous.service();
        return new TokenPrincipal(TokenService.ANONYMOUS, service, Set.copyOf(anonymous.scopes()), 201);
    }
}
