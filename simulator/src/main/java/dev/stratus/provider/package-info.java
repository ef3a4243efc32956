/** Provider profiles: what each function platform allows, charges and does on a cold start. */
package dev.stratus.provider;
