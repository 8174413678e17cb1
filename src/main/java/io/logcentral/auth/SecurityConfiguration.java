package io.logcentral.auth;

import io.logcentral.web.Problems;
import jakarta.servlet.DispatcherType;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, TokenRegistry registry, AuthProperties properties, Problems problems) throws Exception {
        TokenFailureHandler failures = new TokenFailureHandler(problems);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                // The filter is made here, not as a bean, or Boot would also register it as a servlet filter.
                .addFilterBefore(
                        new TokenAuthenticationFilter(registry, anonymousPrincipal(properties.anonymous()), failures),
                        AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                .authorizeHttpRequests(requests -> {
                    // The async dispatches of a live tail belong to a request already let in.
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
                    requests.requestMatchers(HttpMethod.GET, "/", "/health").permitAll();
                    // Seed 003's endpoints check their own credentials and answer in their own shape.
                    requests.requestMatchers(HttpMethod.POST, ScopeRules.OWN_CREDENTIALS)
                            .permitAll();
                    ScopeRules.RULES.forEach(rule -> requests.requestMatchers(rule.matcher())
                            .hasAuthority(rule.scope().authority()));
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    private static TokenPrincipal anonymousPrincipal(AuthProperties.Anonymous anonymous) {
        if (anonymous.scopes().isEmpty()) {
            return null;
        }
        String service = anonymous.service() == null || anonymous.service().isBlank() ? null : anonymous.service();
        return new TokenPrincipal("anonymous", service, Set.copyOf(anonymous.scopes()), 201);
    }
}
