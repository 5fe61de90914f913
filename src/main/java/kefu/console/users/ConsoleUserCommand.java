package kefu.console.users;

import kefu.app.CliCommand;
import kefu.console.audit.AuditLog;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code console user add NAME --role admin|staff} (the password from standard input; asked twice in a
 * terminal), {@code console user list}, {@code console user remove NAME}.
 */
public final class ConsoleUserCommand implements CliCommand {

    private static final String USAGE = """
            Usage: console user add NAME --role admin|staff   (password from standard input)
                   console user list
                   console user remove NAME""";

    private final ConsoleUsers users;
    private final AuditLog audit;

    public ConsoleUserCommand(ConsoleUsers users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public String summary() {
        return "console accounts: console user add NAME --role admin|staff / list / remove NAME";
    }

    @Override
    public int run(List<String> args) throws IOException {
        if (args.size() < 2 || !"user".equals(args.get(0))) {
            System.err.println(USAGE);
            return 2;
        }
        switch (args.get(1)) {
            case "list" -> {
                users.list().forEach(u -> System.out.printf("%-20s %-6s %s%n", u.name(),
                        u.role().name().toLowerCase(java.util.Locale.ROOT), u.created()));
                return 0;
            }
            case "remove" -> {
                if (args.size() != 3) {
                    System.err.println(USAGE);
                    return 2;
                }
                if (!users.remove(args.get(2))) {
                    System.err.println("No console user '" + args.get(2) + "'.");
                    return 1;
                }
                audit.record("cli", "user.remove", args.get(2), "");
                System.out.println("Removed " + args.get(2) + ".");
                return 0;
            }
            case "add" -> {
                return add(args);
            }
            default -> {
                System.err.println(USAGE);
                return 2;
            }
        }
    }

    private int add(List<String> args) throws IOException {
        int roleAt = args.indexOf("--role");
        Optional<Role> role = roleAt > 0 && roleAt + 1 < args.size() ? Role.find(args.get(roleAt + 1)) : Optional.empty();
        if (args.size() != 5 || roleAt != 3 || role.isEmpty()) {
            System.err.println(USAGE);
            return 2;
        }
        String name = args.get(2);
        String password = readPassword();
        if (password == null) {
            System.err.println("The two passwords differ; nothing was changed.");
            return 1;
        }
        try {
            users.put(name, role.get(), password);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        audit.record("cli", "user.add", name, role.get().name());
        System.out.println("Saved " + name + " (" + role.get().name().toLowerCase(java.util.Locale.ROOT) + ").");
        return 0;
    }

    /** Asked twice without echo in a terminal; one line from standard input otherwise. Null when they differ. */
    private static String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            try {
                return first != null && Arrays.equals(first, again) ? new String(first) : null;
            } finally {
                if (first != null) {
                    Arrays.fill(first, ' ');
                }
                if (again != null) {
                    Arrays.fill(again, ' ');
                }
            }
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line.strip();
    }
}
