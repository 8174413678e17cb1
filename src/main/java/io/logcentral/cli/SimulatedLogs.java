package io.logcentral.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Logs as seed 000's service simulator makes them: its services ({@code servicio1..3}), its severities in its
 * proportions (INFO 80 : DEBUG 50 : WARNING 15 : ERROR 5) and a short Spanish message per severity, stamped now.
 */
final class SimulatedLogs {

    static final List<String> SERVICES = List.of("servicio1", "servicio2", "servicio3");

    private static final Map<String, List<String>> MESSAGES = Map.of(
            "INFO",
            List.of(
                    "Usuario ha iniciado sesión",
                    "Pedido confirmado correctamente",
                    "Copia de seguridad iniciada",
                    "Sincronización de datos terminada"),
            "DEBUG",
            List.of(
                    "Comprobando la conexión a la base de datos",
                    "Procesando solicitud del usuario",
                    "Leyendo la configuración del sistema",
                    "Tarea en segundo plano en marcha"),
            "WARNING",
            List.of(
                    "Uso de memoria alto",
                    "Queda poco espacio en disco",
                    "Varios intentos fallidos de autenticación",
                    "Conexión inestable con el servicio externo"),
            "ERROR",
            List.of(
                    "Error al conectar con la base de datos",
                    "Tiempo de espera agotado llamando al servicio externo",
                    "Error de validación en el formulario",
                    "Proceso interrumpido de forma inesperada"));

    private static final List<String> SEVERITIES = List.of("INFO", "DEBUG", "WARNING", "ERROR");
    private static final int[] WEIGHTS = {80, 50, 15, 5};

    private final List<String> services;
    private final RandomGenerator random;

    SimulatedLogs(List<String> services, RandomGenerator random) {
        this.services = List.copyOf(services);
        this.random = random;
    }

    Map<String, Object> next() {
        String severity = severity();
        List<String> messages = MESSAGES.get(severity);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("timestamp", Instant.now().toString());
        log.put("service", services.get(random.nextInt(services.size())));
        log.put("severity", severity);
        log.put("message", messages.get(random.nextInt(messages.size())));
        return log;
    }

    private String severity() {
        int total = 0;
        for (int weight : WEIGHTS) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            pick -= WEIGHTS[i];
            if (pick < 0) {
                return SEVERITIES.get(i);
            }
        }
        throw new IllegalStateException("weights cover every pick");
    }
}
