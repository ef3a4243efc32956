/** Export to Azure Functions (Java): Maven project, host.json, local.settings.json, annotated functions. */
package dev.stratus.export.azure;
