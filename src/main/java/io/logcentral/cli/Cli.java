package io.logcentral.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The jar's commands other than the server. {@code main} of the application hands them over before Spring starts. */
public final class Cli {

    private static final String USAGE = "usage:\n" + SendCommand.USAGE + ImportCommand.USAGE + MigrateCommand.USAGE
            + "java -jar logcentral.jar [--property=value ...]   starts the server\n";

    private Cli() {}

    /** Whether {@code java -jar logcentral.jar <word> ...} is a command here rather than the server. */
    public static boolean handles(String word) {
        return List.of("send", "import", "migrate", "help").contains(word);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command; its exit code: 0 done, 1 failed (the output says what), 2 a command line it cannot run. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            if (rest.contains("--help") || rest.contains("-h") || command.equals("help")) {
                out.print(usage(command));
                return 0;
            }
            return switch (command) {
                case "send" ->
                    new SendCommand(out, err).run(Arguments.parse(command, rest, SendCommand.OPTIONS, Set.of()), env);
                case "import" ->
                    new ImportCommand(out, err)
                            .run(Arguments.parse(command, rest, ImportCommand.OPTIONS, ImportCommand.FLAGS), env);
                case "migrate" ->
                    new MigrateCommand(out, err)
                            .run(Arguments.parse(command, rest, MigrateCommand.OPTIONS, Set.of()), env);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("logcentral " + command + ": " + e.getMessage());
            err.print(usage(command));
            return 2;
        } catch (IOException e) {
            err.println("logcentral " + command + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("logcentral " + command + ": interrupted");
            return 1;
        }
    }

    private static String usage(String command) {
        return switch (command) {
            case "send" -> "usage:\n" + SendCommand.USAGE;
            case "import" -> "usage:\n" + ImportCommand.USAGE;
            case "migrate" -> "usage:\n" + MigrateCommand.USAGE;
            default -> USAGE;
        };
    }
}
