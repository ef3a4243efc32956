import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.lang.reflect.Method;

/**
 * Calls exported OpenWhisk actions the way the Java runtime does: finds {@code public static JsonObject
 * main(JsonObject)} on the class and passes it the parameters. Arguments are pairs of class name and
 * parameters (JSON); each result is printed on a line starting with "RESULT ". Run with the action jar
 * and Gson on the class path: {@code java -cp <jar>:<gson> ActionRunner.java <class> <json> ...}.
 */
public class ActionRunner {
    public static void main(String[] args) throws Exception {
        Gson gson = new Gson();
        for (int i = 0; i + 1 < args.length; i += 2) {
            Method main = Class.forName(args[i]).getMethod("main", JsonObject.class);
            Object result = main.invoke(null, gson.fromJson(args[i + 1], JsonObject.class));
            System.out.println("RESULT " + result);
        }
    }
}
