/**
 * Container storage: the structures a locking strategy supplies to back Python lists, dicts and
 * namespaces, with the atomicity and reference-ownership rules each must keep. Public API.
 */
package dev.interlock.api.storage;
