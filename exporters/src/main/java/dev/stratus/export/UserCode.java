package dev.stratus.export;

import dev.stratus.model.FunctionNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's own Java code, placed in the exported project beside the handler that wraps it.
 *
 * <p>The contract is provider-neutral: a public class with a public no-argument constructor and
 * {@code public String handle(String event)}, which takes the triggering event as JSON and returns
 * the response body. Each exporter's handler turns its cloud's event into that JSON and the answer
 * back. Code without a package declaration is put into {@code defaultPackage}.
 */
public record UserCode(String packageName, String className, String source) {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_$][\\w$.]*)\\s*;");
    private static final Pattern CLASS =
            Pattern.compile("(?m)^\\s*public\\s+(?:final\\s+)?class\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern HANDLE = Pattern.compile("public\\s+String\\s+handle\\s*\\(\\s*String\\s+\\w+\\s*\\)");

    /** The function's code, or empty when it has none (the exporter then writes a typed handler). */
    public static Optional<UserCode> of(FunctionNode function, String defaultPackage) throws ExportException {
        String code = function.code();
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String name = function.name().isBlank() ? function.id() : function.name();
        Matcher type = CLASS.matcher(code);
        if (!type.find()) {
            throw new ExportException("the code of function '" + name + "' declares no public class");
        }
        if (!HANDLE.matcher(code).find()) {
            throw new ExportException("the code of function '" + name
                    + "' has no method 'public String handle(String event)', which the export calls");
        }
        Matcher pkg = PACKAGE.matcher(code);
        if (pkg.find()) {
            return Optional.of(new UserCode(pkg.group(1), type.group(1), code));
        }
        return Optional.of(new UserCode(defaultPackage, type.group(1), "package " + defaultPackage + ";\n\n" + code));
    }

    /** The source's path inside a Maven project. */
    public String path() {
        return "src/main/java/" + packageName.replace('.', '/') + "/" + className + ".java";
    }

    public String qualifiedName() {
        return packageName + "." + className;
    }
}
