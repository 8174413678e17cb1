package io.logcentral.auth;

import io.logcentral.web.Problems;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * On every answer, the firewall's refusals included: no sniffing, no framing, no referrer, no caching, and HSTS
     * over TLS. The web page's own Content-Security-Policy comes from the ui module.
     */
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
            new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER),
            new CacheControlHeadersWriter(),
            new HstsHeaderWriter(Duration.ofDays(365).toSeconds(), true));

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
                // Nothing here calls the servlet API's own user methods; its request wrapper was one more layer that
                // every attribute and header read of the request went through.
                .servletApi(servletApi -> servletApi.disable())
                .headers(headers -> {
                    headers.defaultsDisabled();
                    SECURITY_HEADERS.forEach(headers::addHeaderWriter);
                })
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
     * No Micrometer observation per security filter, authentication and authorization: on one log per request they
     * were the largest cost of the request that was not parsing or storing (JFR, 32 connections: 14 % of CPU samples on
     * JDK 25, 23 % on JDK 17). {@code http.server.requests} still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The firewall's refusals (an encoded dot segment, a path parameter, a line break in a header) as problem details
     * like every other answer; the refused text is not logged.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, rejected) -> {
            SECURITY_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "the request was refused: its path or headers hold characters or segments that are not"
                                    + " allowed"),
                    null);
        };
    }

    private static TokenPrincipal anonymousPrincipal(AuthProperties.Anonymous anonymous) {
        if (anonymous.scopes().isEmpty()) {
            return null;
        }
        String service = anonymous.service() == null || anonymous.service().isBlank() ? null : anonymous.service();
        return new TokenPrincipal(TokenService.ANONYMOUS, service, Set.copyOf(anonymous.scopes()), 201);
    }
}
