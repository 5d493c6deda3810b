import { useForm, schemaResolver, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import type { AppErrorShape } from '../../../shared/api';

/**
 * A form's values before validation: a number the contract requires (a section, an inspector) may still be empty.
 * The submit takes the contract's parse of them, typed as the call wants.
 */
export type Draft<T> = { [K in keyof T]: number extends T[K] ? T[K] | null : T[K] };

/** The message of an API failure in the user's language. */
export const errorMessage = (t: TFunction, e: unknown): string => {
  const shape: AppErrorShape = e instanceof ApiError ? e.shape : { code: 'INTERNAL', messageKey: 'errors.internal' };
  return t(shape.messageKey, shape.details ?? {});
};

/**
 * A Mantine form validated by the contract's own zod schema; messages are catalog
 * keys, shown in the current language.
 */
export function useContractForm<V extends Record<string, unknown>>(
  schema: z.ZodType,
  initialValues: V,
  extra?: (v: V) => Record<string, string | null>,
) {
  const { t } = useTranslation();
  const resolve = schemaResolver(schema, { sync: true });
  return useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const [k, v] of Object.entries(resolve(values))) if (v) errors[k] = t(String(v));
      for (const [k, v] of Object.entries(extra?.(values) ?? {})) if (v && !errors[k]) errors[k] = t(v);
      return errors;
    },
  });
}

/** Puts the backend's field errors on the form; anything else becomes a red notification. */
export function showApiError<V>(t: TFunction, e: unknown, form?: UseFormReturnType<V>): void {
  const shape = e instanceof ApiError ? e.shape : null;
  if (form && shape?.fields?.length) {
    for (const f of shape.fields) form.setFieldError(f.path, t(f.messageKey, f.params ?? {}));
    return;
  }
  notifications.show({ color: 'red', message: errorMessage(t, e), autoClose: 6000 });
}

export const notifySaved = (t: TFunction, message?: string) =>
  notifications.show({ color: 'teal', message: message ?? t('app.saved'), autoClose: 2500 });

/**
 * An event handler for async work (a call, a file read): what fails is shown as a translated notification, never
 * left as an unhandled rejection.
 */
export function action<A extends unknown[]>(
  t: TFunction,
  work: (...args: A) => Promise<unknown>,
): (...args: A) => void {
  return (...args) => void work(...args).catch((e: unknown) => showApiError(t, e));
}
