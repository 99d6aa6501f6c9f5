/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type LoginInput = {
  /** captcha response, when the server checks one (CAPTCHA_VERIFY_URL) */
  captcha?: string | null | undefined;
  /** username or email */
  login: string;
  password: string;
};

export type RegisterInput = {
  email: string;
  /** 8–128 characters with a letter and a digit */
  password: string;
  /** 3–32 letters, digits, _ or - */
  username: string;
};

export type RegisterMutationVariables = Exact<{
  i: RegisterInput;
}>;


export type RegisterMutation = { register: { token: string, viewer: { databaseId: number } } };

export type LoginMutationVariables = Exact<{
  i: LoginInput;
}>;


export type LoginMutation = { login: { token: string, viewer: { databaseId: number, name: string } } };
