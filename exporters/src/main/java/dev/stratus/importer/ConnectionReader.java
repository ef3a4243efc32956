package dev.stratus.importer;

import static dev.stratus.importer.Template.SES_IDENTITY;

import dev.stratus.importer.Intrinsics.Reference;
import dev.stratus.importer.Template.Resource;
import dev.stratus.importer.Tree.Entry;
import dev.stratus.importer.Tree.Mapping;
import dev.stratus.importer.Tree.Scalar;
import dev.stratus.importer.Tree.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each function uses, from its SAM policy templates and IAM statements (inline or in its role):
 * one {@link Use} per statement or template, with whether it lets the function write.
 */
final class ConnectionReader {

    private final Template template;

    ConnectionReader(Template template) {
        this.template = template;
    }

    /** A function using a resource (a call), found in a policy, a role or an environment variable. */
    record Use(String function, String target, boolean write, int line) {}

    final Map<String, String> emailIdentities = new LinkedHashMap<>();
    final List<Use> uses = new ArrayList<>();

    // ---------------------------------------------------------------- policies

    /** SAM policy templates: the parameter naming the resource, and whether they let the function write. */
    record PolicyTemplate(String parameter, boolean write) {}

    static final Map<String, PolicyTemplate> POLICY_TEMPLATES = policyTemplates();

    /** Templates that only let a function read its own event source; the event already says so. */
    static final Set<String> EVENT_SOURCE_POLICIES =
            Set.of("SQSPollerPolicy", "DynamoDBStreamReadPolicy", "KinesisStreamReadPolicy");

    static Map<String, PolicyTemplate> policyTemplates() {
        Map<String, PolicyTemplate> t = new HashMap<>();
        t.put("DynamoDBCrudPolicy", new PolicyTemplate("TableName", true));
        t.put("DynamoDBWritePolicy", new PolicyTemplate("TableName", true));
        t.put("DynamoDBReadPolicy", new PolicyTemplate("TableName", false));
        t.put("DynamoDBReconfigurePolicy", new PolicyTemplate("TableName", true));
        t.put("DynamoDBBackupFullAccessPolicy", new PolicyTemplate("TableName", true));
        t.put("DynamoDBRestoreFromBackupPolicy", new PolicyTemplate("TableName", true));
        t.put("S3CrudPolicy", new PolicyTemplate("BucketName", true));
        t.put("S3WritePolicy", new PolicyTemplate("BucketName", true));
        t.put("S3FullAccessPolicy", new PolicyTemplate("BucketName", true));
        t.put("S3ReadPolicy", new PolicyTemplate("BucketName", false));
        t.put("SQSSendMessagePolicy", new PolicyTemplate("QueueName", true));
        t.put("SNSPublishMessagePolicy", new PolicyTemplate("TopicName", true));
        t.put("SNSCrudPolicy", new PolicyTemplate("TopicName", true));
        t.put("LambdaInvokePolicy", new PolicyTemplate("FunctionName", true));
        t.put("SESCrudPolicy", new PolicyTemplate("IdentityName", true));
        t.put("SESSendBouncePolicy", new PolicyTemplate("IdentityName", true));
        t.put("SESBulkTemplatedCrudPolicy", new PolicyTemplate("IdentityName", true));
        t.put("SESBulkTemplatedCrudPolicy_v2", new PolicyTemplate("IdentityName", true));
        t.put("SESEmailTemplateCrudPolicy", new PolicyTemplate(null, true));
        return Map.copyOf(t);
    }

    void readPolicies(String function, Value policies) {
        for (Value policy : Tree.items(policies)) {
            String where = function + ".Policies";
            if (policy instanceof Scalar s) {
                template.note(where, s.line(), "the managed policy " + s.text() + " is not modelled");
                continue;
            }
            if (!(policy instanceof Mapping m)) {
                template.note(where, policy.line(), "a policy that is " + policy.describe() + " is not modelled");
                continue;
            }
            if (m.has("Statement")) {
                Template.statements(m).forEach(s -> readStatement(function, s));
                continue;
            }
            if (m.intrinsic().isPresent()) {
                template.note(where, m.line(), "the policy " + Intrinsics.show(m) + " is not modelled");
                continue;
            }
            for (Entry entry : m.entries()) {
                readPolicyTemplate(function, entry);
            }
        }
    }

    void readPolicyTemplate(String function, Entry entry) {
        String where = function + ".Policies." + entry.key();
        if (EVENT_SOURCE_POLICIES.contains(entry.key())) {
            return;
        }
        PolicyTemplate policy = POLICY_TEMPLATES.get(entry.key());
        if (policy == null) {
            template.note(where, entry.line(), "the policy template " + entry.key() + " is not modelled");
            return;
        }
        if (entry.key().startsWith("SES")) {
            Value identity = policy.parameter() == null || !(entry.value() instanceof Mapping params)
                    ? null
                    : params.get(policy.parameter()).orElse(null);
            uses.add(new Use(function, emailKey(identity), true, entry.line()));
            return;
        }
        Value parameter = entry.value() instanceof Mapping params
                ? params.get(policy.parameter()).orElse(null)
                : null;
        Optional<String> target = template.targetOf(parameter);
        if (target.isPresent()) {
            uses.add(new Use(function, target.get(), policy.write(), entry.line()));
        } else {
            template.note(
                    where,
                    entry.line(),
                    "its " + policy.parameter() + " ("
                            + (parameter == null ? "missing" : Intrinsics.show(parameter))
                            + ") names no resource of the template; not modelled");
        }
    }

    void readStatement(String function, Mapping statement) {
        if (!statement.text("Effect").orElse("Allow").equals("Allow")) {
            return;
        }
        List<String> actions = new ArrayList<>();
        for (Value action : Tree.items(statement.get("Action").orElse(null))) {
            template.intrinsics.text(action).ifPresent(actions::add);
        }
        boolean write = actions.stream().anyMatch(ConnectionReader::isWriteAction);
        boolean ses = actions.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("ses:"));
        boolean logs = !actions.isEmpty()
                && actions.stream()
                        .allMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("logs:")
                                || a.toLowerCase(Locale.ROOT).startsWith("xray:"));
        Set<String> targets = new LinkedHashSet<>();
        List<Value> statementResources = Tree.items(statement.get("Resource").orElse(null));
        for (Value resource : statementResources) {
            if (ses) {
                uses.add(new Use(function, emailKey(resource), true, statement.line()));
                continue;
            }
            template.targetOf(resource).ifPresent(targets::add);
        }
        if (ses && statementResources.isEmpty()) {
            uses.add(new Use(function, emailKey(null), true, statement.line()));
        }
        for (String target : targets) {
            uses.add(new Use(function, target, write, statement.line()));
        }
        if (targets.isEmpty() && !ses && !logs) {
            template.note(
                    function + " statement",
                    statement.line(),
                    "the permission " + String.join(", ", actions) + " on no resource of the template is not"
                            + " modelled");
        }
    }

    static boolean isWriteAction(String action) {
        String verb = action.contains(":") ? action.substring(action.indexOf(':') + 1) : action;
        for (String read : List.of(
                "Get",
                "List",
                "Describe",
                "Read",
                "Query",
                "Scan",
                "BatchGet",
                "Receive",
                "Head",
                "ConditionCheck",
                // what a consumer does with the messages it received
                "DeleteMessage",
                "ChangeMessageVisibility",
                "SubscribeToShard")) {
            if (verb.startsWith(read)) {
                return false;
            }
        }
        return true;
    }

    /** The key of the email node a SES permission or policy stands for. */
    String emailKey(Value identity) {
        if (identity != null) {
            for (Reference reference : Intrinsics.references(identity)) {
                if (template.isType(reference.logicalId(), SES_IDENTITY)) {
                    return reference.logicalId();
                }
                if (template.intrinsics.isParameter(reference.logicalId())) {
                    String key = "ses-parameter:" + reference.logicalId();
                    emailIdentities.putIfAbsent(key, reference.logicalId());
                    return key;
                }
            }
            Optional<String> text = template.intrinsics.text(identity);
            if (text.isPresent() && !text.get().equals("*")) {
                String identityText = text.get();
                String address = identityText.contains("identity/")
                        ? identityText.substring(identityText.lastIndexOf("identity/") + "identity/".length())
                        : identityText;
                for (Resource resource : template.resources.values()) {
                    if (resource.type().equals(SES_IDENTITY)
                            && resource.properties()
                                    .get("EmailIdentity")
                                    .flatMap(template.intrinsics::text)
                                    .filter(address::equals)
                                    .isPresent()) {
                        return resource.logicalId();
                    }
                }
                String key = "ses-literal:" + address;
                emailIdentities.putIfAbsent(key, address);
                return key;
            }
        }
        emailIdentities.putIfAbsent("ses", "email");
        return "ses";
    }
}
