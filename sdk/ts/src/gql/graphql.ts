/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An opaque position in a connection (Relay cursor): pass it back as after or before. */
  Cursor: { input: string; output: string; }
  /** A JSON object. */
  Map: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A point in time, in RFC 3339 format with a time zone offset (2024-01-31T09:00:00Z). */
  Time: { input: string; output: string; }
};

/** What one step of a workflow does. IF, SWITCH, FOR_EACH, STOP and COMPUTE are run by the engine itself; the others are actions. */
export type ActionType =
  /** Add a tag to a client. */
  | 'ADD_TAG'
  /** Compute values with CEL expressions. */
  | 'COMPUTE'
  /** Create a task for a client. */
  | 'CREATE_TASK'
  /** Wait, durably, before the next step. */
  | 'DELAY'
  /** Find the clients that match a condition. */
  | 'FIND_CLIENTS'
  /** Find the tasks that match a condition. */
  | 'FIND_TASKS'
  /** Run the body once per item of a list. */
  | 'FOR_EACH'
  /** Call another system and keep its answer for later steps. */
  | 'HTTP_REQUEST'
  /** Run the then or the else block. */
  | 'IF'
  /** Write an entry on a client's timeline. */
  | 'LOG_ACTIVITY'
  /** Remove a tag from a client. */
  | 'REMOVE_TAG'
  /** Queue an e-mail in the outbox (sent over SMTP, retried). */
  | 'SEND_EMAIL'
  /** Send a signed JSON request to another system. */
  | 'SEND_WEBHOOK'
  /** End the run as COMPLETED. */
  | 'STOP'
  /** Run the first case whose conditions hold, or the default block. */
  | 'SWITCH'
  /** Change a client's fields. */
  | 'UPDATE_CLIENT';

/** An activated workflow with the self-triggering loops its definition may cause. */
export type ActivationResult = {
  __typename?: 'ActivationResult';
  /** Ways the workflow may trigger itself (loops), for the user to confirm. */
  warnings: Array<Scalars['String']['output']>;
  /** The workflow, now active. */
  workflow: Workflow;
};

/** An entry on a client's timeline. */
export type Activity = Node & {
  __typename?: 'Activity';
  /** Who wrote it (workflow:<id> for a workflow). */
  actor: Scalars['String']['output'];
  /** The client. */
  client: Client;
  /**
   * The client's ID.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID: Scalars['ID']['output'];
  /** The client's ID. */
  clientId: Scalars['ID']['output'];
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** What kind of entry (workflow, note, ...). */
  kind: Scalars['String']['output'];
  /** The entry's text. */
  message: Scalars['String']['output'];
};

/** A connection to a list of items. */
export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<ActivityEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<Activity>;
};

/** Ordering options for Activity connections */
export type ActivityOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order Activities. */
  field: ActivityOrderField;
};

/** Properties by which Activity connections can be ordered. */
export type ActivityOrderField =
  /** Order by created at. */
  | 'CREATED_AT';

/** Filters Activity objects: every field given must hold. */
export type ActivityWhereInput = {
  /** actor equals the value. */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** actor contains the text. */
  actorContains?: InputMaybe<Scalars['String']['input']>;
  /** actor contains the text, ignoring case. */
  actorContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** actor equals the text, ignoring case. */
  actorEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** actor is greater than the value. */
  actorGT?: InputMaybe<Scalars['String']['input']>;
  /** actor is at least the value. */
  actorGTE?: InputMaybe<Scalars['String']['input']>;
  /** actor starts with the text. */
  actorHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** actor ends with the text. */
  actorHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** actor is one of the values. */
  actorIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** actor is less than the value. */
  actorLT?: InputMaybe<Scalars['String']['input']>;
  /** actor is at most the value. */
  actorLTE?: InputMaybe<Scalars['String']['input']>;
  /** actor is not the value. */
  actorNEQ?: InputMaybe<Scalars['String']['input']>;
  /** actor is none of the values. */
  actorNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Holds when every filter does. */
  and?: InputMaybe<Array<ActivityWhereInput>>;
  /**
   * clientID equals the value.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is one of the values.
   * @deprecated Use clientIdIn: the API spells ids ...Id everywhere.
   */
  clientIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * clientID is not the value.
   * @deprecated Use clientIdNEQ: the API spells ids ...Id everywhere.
   */
  clientIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is none of the values.
   * @deprecated Use clientIdNotIn: the API spells ids ...Id everywhere.
   */
  clientIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId equals the value. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is one of the values. */
  clientIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId is not the value. */
  clientIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is none of the values. */
  clientIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** createdAt equals the value. */
  createdAt?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is greater than the value. */
  createdAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at least the value. */
  createdAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is one of the values. */
  createdAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** createdAt is less than the value. */
  createdAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at most the value. */
  createdAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is not the value. */
  createdAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is none of the values. */
  createdAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** Has at least one Client edge. */
  hasClient?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Client edge that matches one of the filters. */
  hasClientWith?: InputMaybe<Array<ClientWhereInput>>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** kind equals the value. */
  kind?: InputMaybe<Scalars['String']['input']>;
  /** kind contains the text. */
  kindContains?: InputMaybe<Scalars['String']['input']>;
  /** kind contains the text, ignoring case. */
  kindContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** kind equals the text, ignoring case. */
  kindEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** kind is greater than the value. */
  kindGT?: InputMaybe<Scalars['String']['input']>;
  /** kind is at least the value. */
  kindGTE?: InputMaybe<Scalars['String']['input']>;
  /** kind starts with the text. */
  kindHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** kind ends with the text. */
  kindHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** kind is one of the values. */
  kindIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** kind is less than the value. */
  kindLT?: InputMaybe<Scalars['String']['input']>;
  /** kind is at most the value. */
  kindLTE?: InputMaybe<Scalars['String']['input']>;
  /** kind is not the value. */
  kindNEQ?: InputMaybe<Scalars['String']['input']>;
  /** kind is none of the values. */
  kindNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** message equals the value. */
  message?: InputMaybe<Scalars['String']['input']>;
  /** message contains the text. */
  messageContains?: InputMaybe<Scalars['String']['input']>;
  /** message contains the text, ignoring case. */
  messageContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** message equals the text, ignoring case. */
  messageEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** message is greater than the value. */
  messageGT?: InputMaybe<Scalars['String']['input']>;
  /** message is at least the value. */
  messageGTE?: InputMaybe<Scalars['String']['input']>;
  /** message starts with the text. */
  messageHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** message ends with the text. */
  messageHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** message is one of the values. */
  messageIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** message is less than the value. */
  messageLT?: InputMaybe<Scalars['String']['input']>;
  /** message is at most the value. */
  messageLTE?: InputMaybe<Scalars['String']['input']>;
  /** message is not the value. */
  messageNEQ?: InputMaybe<Scalars['String']['input']>;
  /** message is none of the values. */
  messageNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<ActivityWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<ActivityWhereInput>>;
};

/** A long-lived token for scripts and SDKs; the secret is shown once, when created. */
export type ApiToken = Node & {
  __typename?: 'ApiToken';
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** When it stops working (never when null). */
  expiresAt: Maybe<Scalars['Time']['output']>;
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** When it was last used. */
  lastUsedAt: Maybe<Scalars['Time']['output']>;
  /** Its name. */
  name: Scalars['String']['output'];
  /** When it was revoked (revokeApiToken). */
  revokedAt: Maybe<Scalars['Time']['output']>;
};

/** A signed access token for an SPA session. Send it as Authorization: Bearer <token>. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** When the session token stops working. */
  expiresAt: Scalars['Time']['output'];
  /** A session token: send it as Authorization: Bearer <token>. */
  token: Scalars['String']['output'];
  /** The signed-in user. */
  user: User;
};

/** A client of the CRM (a person or company), the subject of most workflows. */
export type Client = Node & {
  __typename?: 'Client';
  /** The client's timeline. */
  activities: ActivityConnection;
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** Values of the custom client fields (clientFields), by key. In updates, the given keys are merged into the current values and null removes one. */
  customFields: Scalars['Map']['output'];
  /** The client's documents. */
  documents: DocumentConnection;
  /** E-mail address. */
  email: Scalars['String']['output'];
  /** Executions about this client. */
  executions: WorkflowExecutionConnection;
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** Its name. */
  name: Scalars['String']['output'];
  /** The user who owns the relationship. */
  owner: Maybe<User>;
  /**
   * The ID of the user who owns the relationship.
   * @deprecated Use ownerId: the API spells ids ...Id everywhere.
   */
  ownerID: Maybe<Scalars['ID']['output']>;
  /** The ID of the user who owns the relationship. */
  ownerId: Maybe<Scalars['ID']['output']>;
  /** Phone number. */
  phone: Maybe<Scalars['String']['output']>;
  /** Where it stands. */
  status: ClientStatus;
  /** Free-form labels (vip, ...). */
  tags: Array<Scalars['String']['output']>;
  /** The client's tasks. */
  tasks: TaskConnection;
  /** When it last changed. */
  updatedAt: Scalars['Time']['output'];
};


/** A client of the CRM (a person or company), the subject of most workflows. */
export type ClientActivitiesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ActivityOrder>;
  where?: InputMaybe<ActivityWhereInput>;
};


/** A client of the CRM (a person or company), the subject of most workflows. */
export type ClientDocumentsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DocumentOrder>;
  where?: InputMaybe<DocumentWhereInput>;
};


/** A client of the CRM (a person or company), the subject of most workflows. */
export type ClientExecutionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowExecutionOrder>>;
};


/** A client of the CRM (a person or company), the subject of most workflows. */
export type ClientTasksArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TaskOrder>>;
  where?: InputMaybe<TaskWhereInput>;
};

/** A connection to a list of items. */
export type ClientConnection = {
  __typename?: 'ClientConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<ClientEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type ClientEdge = {
  __typename?: 'ClientEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<Client>;
};

/**
 * A custom client field: its values live in Client.customFields under its key, and workflows read
 * them as client.custom.<key>.
 */
export type ClientField = {
  __typename?: 'ClientField';
  /** The key, unique, matching ^[a-z][a-zA-Z0-9_]{0,49}$; it never changes. */
  key: Scalars['String']['output'];
  /** The name shown to people. */
  label: Scalars['String']['output'];
  /** SELECT: the allowed values, in order; empty for the other types. */
  options: Array<Scalars['String']['output']>;
  /** The type of its values; it never changes. */
  type: ClientFieldType;
};

/** The type of a custom client field, which its values must have. */
export type ClientFieldType =
  /** true or false. */
  | 'BOOLEAN'
  /** A calendar date, YYYY-MM-DD. */
  | 'DATE'
  /** A date and time in RFC 3339 (stored in UTC). */
  | 'DATETIME'
  /** A JSON number. */
  | 'NUMBER'
  /** One of the field's options. */
  | 'SELECT'
  /** Free text, at most 10,000 characters. */
  | 'TEXT';

/** Ordering options for Client connections */
export type ClientOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order Clients. */
  field: ClientOrderField;
};

/** Properties by which Client connections can be ordered. */
export type ClientOrderField =
  /** Order by created at. */
  | 'CREATED_AT'
  /** Order by email. */
  | 'EMAIL'
  /** Order by name. */
  | 'NAME'
  /** Order by status. */
  | 'STATUS'
  /** Order by updated at. */
  | 'UPDATED_AT';

/** Where a client stands in the relationship. */
export type ClientStatus =
  /** A current client. */
  | 'ACTIVE'
  /** A client that left. */
  | 'CHURNED'
  /** A client with no current business. */
  | 'INACTIVE'
  /** A prospect. */
  | 'LEAD';

/** Filters Client objects: every field given must hold. */
export type ClientWhereInput = {
  /** Holds when every filter does. */
  and?: InputMaybe<Array<ClientWhereInput>>;
  /** createdAt equals the value. */
  createdAt?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is greater than the value. */
  createdAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at least the value. */
  createdAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is one of the values. */
  createdAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** createdAt is less than the value. */
  createdAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at most the value. */
  createdAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is not the value. */
  createdAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is none of the values. */
  createdAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** email equals the value. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** email contains the text. */
  emailContains?: InputMaybe<Scalars['String']['input']>;
  /** email contains the text, ignoring case. */
  emailContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** email equals the text, ignoring case. */
  emailEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** email is greater than the value. */
  emailGT?: InputMaybe<Scalars['String']['input']>;
  /** email is at least the value. */
  emailGTE?: InputMaybe<Scalars['String']['input']>;
  /** email starts with the text. */
  emailHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** email ends with the text. */
  emailHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** email is one of the values. */
  emailIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** email is less than the value. */
  emailLT?: InputMaybe<Scalars['String']['input']>;
  /** email is at most the value. */
  emailLTE?: InputMaybe<Scalars['String']['input']>;
  /** email is not the value. */
  emailNEQ?: InputMaybe<Scalars['String']['input']>;
  /** email is none of the values. */
  emailNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Has at least one Activities edge. */
  hasActivities?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Activities edge that matches one of the filters. */
  hasActivitiesWith?: InputMaybe<Array<ActivityWhereInput>>;
  /** Has at least one Documents edge. */
  hasDocuments?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Documents edge that matches one of the filters. */
  hasDocumentsWith?: InputMaybe<Array<DocumentWhereInput>>;
  /** Has at least one Owner edge. */
  hasOwner?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Owner edge that matches one of the filters. */
  hasOwnerWith?: InputMaybe<Array<UserWhereInput>>;
  /** Has at least one Tasks edge. */
  hasTasks?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Tasks edge that matches one of the filters. */
  hasTasksWith?: InputMaybe<Array<TaskWhereInput>>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** name equals the value. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** name contains the text. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** name contains the text, ignoring case. */
  nameContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** name equals the text, ignoring case. */
  nameEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** name is greater than the value. */
  nameGT?: InputMaybe<Scalars['String']['input']>;
  /** name is at least the value. */
  nameGTE?: InputMaybe<Scalars['String']['input']>;
  /** name starts with the text. */
  nameHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** name ends with the text. */
  nameHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** name is one of the values. */
  nameIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** name is less than the value. */
  nameLT?: InputMaybe<Scalars['String']['input']>;
  /** name is at most the value. */
  nameLTE?: InputMaybe<Scalars['String']['input']>;
  /** name is not the value. */
  nameNEQ?: InputMaybe<Scalars['String']['input']>;
  /** name is none of the values. */
  nameNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<ClientWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<ClientWhereInput>>;
  /**
   * ownerID equals the value.
   * @deprecated Use ownerId: the API spells ids ...Id everywhere.
   */
  ownerID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * ownerID is one of the values.
   * @deprecated Use ownerIdIn: the API spells ids ...Id everywhere.
   */
  ownerIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * ownerID is not set.
   * @deprecated Use ownerIdIsNil: the API spells ids ...Id everywhere.
   */
  ownerIDIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * ownerID is not the value.
   * @deprecated Use ownerIdNEQ: the API spells ids ...Id everywhere.
   */
  ownerIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * ownerID is none of the values.
   * @deprecated Use ownerIdNotIn: the API spells ids ...Id everywhere.
   */
  ownerIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * ownerID is set.
   * @deprecated Use ownerIdNotNil: the API spells ids ...Id everywhere.
   */
  ownerIDNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** ownerId equals the value. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** ownerId is one of the values. */
  ownerIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** ownerId is not set. */
  ownerIdIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** ownerId is not the value. */
  ownerIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** ownerId is none of the values. */
  ownerIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** ownerId is set. */
  ownerIdNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** phone equals the value. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** phone contains the text. */
  phoneContains?: InputMaybe<Scalars['String']['input']>;
  /** phone contains the text, ignoring case. */
  phoneContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** phone equals the text, ignoring case. */
  phoneEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** phone is greater than the value. */
  phoneGT?: InputMaybe<Scalars['String']['input']>;
  /** phone is at least the value. */
  phoneGTE?: InputMaybe<Scalars['String']['input']>;
  /** phone starts with the text. */
  phoneHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** phone ends with the text. */
  phoneHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** phone is one of the values. */
  phoneIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** phone is not set. */
  phoneIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** phone is less than the value. */
  phoneLT?: InputMaybe<Scalars['String']['input']>;
  /** phone is at most the value. */
  phoneLTE?: InputMaybe<Scalars['String']['input']>;
  /** phone is not the value. */
  phoneNEQ?: InputMaybe<Scalars['String']['input']>;
  /** phone is none of the values. */
  phoneNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** phone is set. */
  phoneNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** status equals the value. */
  status?: InputMaybe<ClientStatus>;
  /** status is one of the values. */
  statusIn?: InputMaybe<Array<ClientStatus>>;
  /** status is not the value. */
  statusNEQ?: InputMaybe<ClientStatus>;
  /** status is none of the values. */
  statusNotIn?: InputMaybe<Array<ClientStatus>>;
  /** updatedAt equals the value. */
  updatedAt?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is greater than the value. */
  updatedAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is at least the value. */
  updatedAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is one of the values. */
  updatedAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** updatedAt is less than the value. */
  updatedAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is at most the value. */
  updatedAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is not the value. */
  updatedAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is none of the values. */
  updatedAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
};

/** A new custom client field. */
export type CreateClientFieldInput = {
  /** The key, unique, matching ^[a-z][a-zA-Z0-9_]{0,49}$. */
  key: Scalars['String']['input'];
  /** The name shown to people. */
  label: Scalars['String']['input'];
  /** SELECT: 1 to 100 non-empty, unique allowed values; the other types take none. */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The type of its values. */
  type: ClientFieldType;
};

/**
 * CreateClientInput is used for create Client object.
 * Input was generated by ent.
 */
export type CreateClientInput = {
  /** Values of the custom client fields (clientFields), by key. In updates, the given keys are merged into the current values and null removes one. */
  customFields?: InputMaybe<Scalars['Map']['input']>;
  /** E-mail address. */
  email: Scalars['String']['input'];
  /** Its name. */
  name: Scalars['String']['input'];
  /**
   * The ID of the user who owns the relationship.
   * @deprecated Use ownerId: the API spells ids ...Id everywhere.
   */
  ownerID?: InputMaybe<Scalars['ID']['input']>;
  /** The ID of the user who owns the relationship. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Where it stands. */
  status?: InputMaybe<ClientStatus>;
  /** Free-form labels (vip, ...). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A new user. */
export type CreateUserInput = {
  /** E-mail address, unique (case-insensitive). */
  email: Scalars['String']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
  /** 8 to 72 characters. Without a password the user can only use API tokens. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to EDITOR. */
  role?: InputMaybe<Role>;
};

/** A workflow to create from a template. */
export type CreateWorkflowFromTemplateInput = {
  /** The new workflow's name. */
  name: Scalars['String']['input'];
  /** Parts of the template's definition to replace. */
  overrides?: InputMaybe<WorkflowTemplateOverrides>;
};

/** A new workflow. */
export type CreateWorkflowInput = {
  /** The step tree (see /schema/workflow-definition.json). */
  actions?: InputMaybe<Array<WorkflowActionInput>>;
  /** Run at most limit executions of one key at once. */
  concurrency?: InputMaybe<WorkflowConcurrencyInput>;
  /** Conditions that must hold for the steps to run ({} or left out: always). */
  conditions?: InputMaybe<Scalars['Map']['input']>;
  /** Collapse close triggers of one key into one execution. */
  debounce?: InputMaybe<WorkflowDebounceInput>;
  /** What the workflow is for. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Who may start a run: {mode: EVERY_TIME|ONCE|ONE_ACTIVE, reenrollOn: [client fields]} (left out: EVERY_TIME). */
  enrollment?: InputMaybe<Scalars['Map']['input']>;
  /** A condition that ends a run as COMPLETED with exitReason GOAL_MET when it holds (left out: no goal). */
  goal?: InputMaybe<Scalars['Map']['input']>;
  /** Start it at once (false by default). */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Save it as a template, which never runs. */
  isTemplate?: InputMaybe<Scalars['Boolean']['input']>;
  /** The workflow's name. */
  name: Scalars['String']['input'];
  /** Days its executions are kept after they end (1 to 3650), instead of the server's RETENTION_DAYS; left out: the server's. */
  retentionDays?: InputMaybe<Scalars['Int']['input']>;
  /** Start at most limit executions of one key per period. */
  throttle?: InputMaybe<WorkflowThrottleInput>;
  /** Filters on the trigger (see the README). */
  triggerConfig?: InputMaybe<Scalars['Map']['input']>;
  /** The CRM event that starts it. */
  triggerType: TriggerType;
};

/** A new API token. token is shown only here, once; only a hash is stored. */
export type CreatedApiToken = {
  __typename?: 'CreatedApiToken';
  /** The token's record (name, expiry, last use). */
  apiToken: ApiToken;
  /** The token's secret, shown this once: store it now. */
  token: Scalars['String']['output'];
};

/** A file registered for a client. */
export type Document = Node & {
  __typename?: 'Document';
  /** The client. */
  client: Client;
  /**
   * The client's ID.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID: Scalars['ID']['output'];
  /** The client's ID. */
  clientId: Scalars['ID']['output'];
  /** Media type, e.g. application/pdf. */
  contentType: Scalars['String']['output'];
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** Its name. */
  name: Scalars['String']['output'];
  /** Size in bytes. */
  sizeBytes: Scalars['Int']['output'];
  /**
   * The ID of the user who registered it.
   * @deprecated Use uploadedById: the API spells ids ...Id everywhere.
   */
  uploadedByID: Maybe<Scalars['ID']['output']>;
  /** The ID of the user who registered it. */
  uploadedById: Maybe<Scalars['ID']['output']>;
};

/** A connection to a list of items. */
export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<DocumentEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type DocumentEdge = {
  __typename?: 'DocumentEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<Document>;
};

/** Ordering options for Document connections */
export type DocumentOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order Documents. */
  field: DocumentOrderField;
};

/** Properties by which Document connections can be ordered. */
export type DocumentOrderField =
  /** Order by created at. */
  | 'CREATED_AT';

/** Filters Document objects: every field given must hold. */
export type DocumentWhereInput = {
  /** Holds when every filter does. */
  and?: InputMaybe<Array<DocumentWhereInput>>;
  /**
   * clientID equals the value.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is one of the values.
   * @deprecated Use clientIdIn: the API spells ids ...Id everywhere.
   */
  clientIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * clientID is not the value.
   * @deprecated Use clientIdNEQ: the API spells ids ...Id everywhere.
   */
  clientIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is none of the values.
   * @deprecated Use clientIdNotIn: the API spells ids ...Id everywhere.
   */
  clientIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId equals the value. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is one of the values. */
  clientIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId is not the value. */
  clientIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is none of the values. */
  clientIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** contentType equals the value. */
  contentType?: InputMaybe<Scalars['String']['input']>;
  /** contentType contains the text. */
  contentTypeContains?: InputMaybe<Scalars['String']['input']>;
  /** contentType contains the text, ignoring case. */
  contentTypeContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** contentType equals the text, ignoring case. */
  contentTypeEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** contentType is greater than the value. */
  contentTypeGT?: InputMaybe<Scalars['String']['input']>;
  /** contentType is at least the value. */
  contentTypeGTE?: InputMaybe<Scalars['String']['input']>;
  /** contentType starts with the text. */
  contentTypeHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** contentType ends with the text. */
  contentTypeHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** contentType is one of the values. */
  contentTypeIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** contentType is less than the value. */
  contentTypeLT?: InputMaybe<Scalars['String']['input']>;
  /** contentType is at most the value. */
  contentTypeLTE?: InputMaybe<Scalars['String']['input']>;
  /** contentType is not the value. */
  contentTypeNEQ?: InputMaybe<Scalars['String']['input']>;
  /** contentType is none of the values. */
  contentTypeNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** createdAt equals the value. */
  createdAt?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is greater than the value. */
  createdAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at least the value. */
  createdAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is one of the values. */
  createdAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** createdAt is less than the value. */
  createdAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at most the value. */
  createdAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is not the value. */
  createdAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is none of the values. */
  createdAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** Has at least one Client edge. */
  hasClient?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Client edge that matches one of the filters. */
  hasClientWith?: InputMaybe<Array<ClientWhereInput>>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** name equals the value. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** name contains the text. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** name contains the text, ignoring case. */
  nameContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** name equals the text, ignoring case. */
  nameEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** name is greater than the value. */
  nameGT?: InputMaybe<Scalars['String']['input']>;
  /** name is at least the value. */
  nameGTE?: InputMaybe<Scalars['String']['input']>;
  /** name starts with the text. */
  nameHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** name ends with the text. */
  nameHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** name is one of the values. */
  nameIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** name is less than the value. */
  nameLT?: InputMaybe<Scalars['String']['input']>;
  /** name is at most the value. */
  nameLTE?: InputMaybe<Scalars['String']['input']>;
  /** name is not the value. */
  nameNEQ?: InputMaybe<Scalars['String']['input']>;
  /** name is none of the values. */
  nameNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<DocumentWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<DocumentWhereInput>>;
  /** sizeBytes equals the value. */
  sizeBytes?: InputMaybe<Scalars['Int']['input']>;
  /** sizeBytes is greater than the value. */
  sizeBytesGT?: InputMaybe<Scalars['Int']['input']>;
  /** sizeBytes is at least the value. */
  sizeBytesGTE?: InputMaybe<Scalars['Int']['input']>;
  /** sizeBytes is one of the values. */
  sizeBytesIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** sizeBytes is less than the value. */
  sizeBytesLT?: InputMaybe<Scalars['Int']['input']>;
  /** sizeBytes is at most the value. */
  sizeBytesLTE?: InputMaybe<Scalars['Int']['input']>;
  /** sizeBytes is not the value. */
  sizeBytesNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** sizeBytes is none of the values. */
  sizeBytesNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /**
   * uploadedByID equals the value.
   * @deprecated Use uploadedById: the API spells ids ...Id everywhere.
   */
  uploadedByID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * uploadedByID is greater than the value.
   * @deprecated Use uploadedByIdGT: the API spells ids ...Id everywhere.
   */
  uploadedByIDGT?: InputMaybe<Scalars['ID']['input']>;
  /**
   * uploadedByID is at least the value.
   * @deprecated Use uploadedByIdGTE: the API spells ids ...Id everywhere.
   */
  uploadedByIDGTE?: InputMaybe<Scalars['ID']['input']>;
  /**
   * uploadedByID is one of the values.
   * @deprecated Use uploadedByIdIn: the API spells ids ...Id everywhere.
   */
  uploadedByIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * uploadedByID is not set.
   * @deprecated Use uploadedByIdIsNil: the API spells ids ...Id everywhere.
   */
  uploadedByIDIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * uploadedByID is less than the value.
   * @deprecated Use uploadedByIdLT: the API spells ids ...Id everywhere.
   */
  uploadedByIDLT?: InputMaybe<Scalars['ID']['input']>;
  /**
   * uploadedByID is at most the value.
   * @deprecated Use uploadedByIdLTE: the API spells ids ...Id everywhere.
   */
  uploadedByIDLTE?: InputMaybe<Scalars['ID']['input']>;
  /**
   * uploadedByID is not the value.
   * @deprecated Use uploadedByIdNEQ: the API spells ids ...Id everywhere.
   */
  uploadedByIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * uploadedByID is none of the values.
   * @deprecated Use uploadedByIdNotIn: the API spells ids ...Id everywhere.
   */
  uploadedByIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * uploadedByID is set.
   * @deprecated Use uploadedByIdNotNil: the API spells ids ...Id everywhere.
   */
  uploadedByIDNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** uploadedById equals the value. */
  uploadedById?: InputMaybe<Scalars['ID']['input']>;
  /** uploadedById is greater than the value. */
  uploadedByIdGT?: InputMaybe<Scalars['ID']['input']>;
  /** uploadedById is at least the value. */
  uploadedByIdGTE?: InputMaybe<Scalars['ID']['input']>;
  /** uploadedById is one of the values. */
  uploadedByIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** uploadedById is not set. */
  uploadedByIdIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** uploadedById is less than the value. */
  uploadedByIdLT?: InputMaybe<Scalars['ID']['input']>;
  /** uploadedById is at most the value. */
  uploadedByIdLTE?: InputMaybe<Scalars['ID']['input']>;
  /** uploadedById is not the value. */
  uploadedByIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** uploadedById is none of the values. */
  uploadedByIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** uploadedById is set. */
  uploadedByIdNotNil?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An e-mail of the outbox: queued by a SEND_EMAIL step, delivered over SMTP. */
export type Email = Node & {
  __typename?: 'Email';
  /** Delivery attempts so far. */
  attempts: Scalars['Int']['output'];
  /** Plain-text body. */
  body: Scalars['String']['output'];
  /** Copy addresses. */
  cc: Maybe<Array<Scalars['String']['output']>>;
  /**
   * The ID of the client it is about.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID: Maybe<Scalars['ID']['output']>;
  /** The ID of the client it is about. */
  clientId: Maybe<Scalars['ID']['output']>;
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /**
   * The ID of the execution that queued it.
   * @deprecated Use executionId: the API spells ids ...Id everywhere.
   */
  executionID: Maybe<Scalars['ID']['output']>;
  /** The ID of the execution that queued it. */
  executionId: Maybe<Scalars['ID']['output']>;
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** The last delivery error. */
  lastError: Maybe<Scalars['String']['output']>;
  /**
   * Its Message-ID header, stable across retries.
   * @deprecated Use messageId: the API spells ids ...Id everywhere.
   */
  messageID: Scalars['String']['output'];
  /** Its Message-ID header, stable across retries. */
  messageId: Scalars['String']['output'];
  /** When the sender tries next. */
  nextAttemptAt: Scalars['Time']['output'];
  /** When the SMTP server accepted it. */
  sentAt: Maybe<Scalars['Time']['output']>;
  /** Where it stands. */
  status: EmailStatus;
  /** The step that queued it. */
  stepIndex: Maybe<Scalars['Int']['output']>;
  /** Subject line. */
  subject: Scalars['String']['output'];
  /** Recipient address. */
  to: Scalars['String']['output'];
};

/** A connection to a list of items. */
export type EmailConnection = {
  __typename?: 'EmailConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<EmailEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type EmailEdge = {
  __typename?: 'EmailEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<Email>;
};

/** Ordering options for Email connections */
export type EmailOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order Emails. */
  field: EmailOrderField;
};

/** Properties by which Email connections can be ordered. */
export type EmailOrderField =
  /** Order by created at. */
  | 'CREATED_AT'
  /** Order by status. */
  | 'STATUS';

/** Where an e-mail of the outbox is. */
export type EmailStatus =
  /** Given up on after its attempts or a permanent refusal. */
  | 'FAILED'
  /** Waiting to be sent (or for its next attempt). */
  | 'QUEUED'
  /** Claimed by a sender. */
  | 'SENDING'
  /** Accepted by the SMTP server. */
  | 'SENT';

/** Filters Email objects: every field given must hold. */
export type EmailWhereInput = {
  /** Holds when every filter does. */
  and?: InputMaybe<Array<EmailWhereInput>>;
  /** attempts equals the value. */
  attempts?: InputMaybe<Scalars['Int']['input']>;
  /** attempts is greater than the value. */
  attemptsGT?: InputMaybe<Scalars['Int']['input']>;
  /** attempts is at least the value. */
  attemptsGTE?: InputMaybe<Scalars['Int']['input']>;
  /** attempts is one of the values. */
  attemptsIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** attempts is less than the value. */
  attemptsLT?: InputMaybe<Scalars['Int']['input']>;
  /** attempts is at most the value. */
  attemptsLTE?: InputMaybe<Scalars['Int']['input']>;
  /** attempts is not the value. */
  attemptsNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** attempts is none of the values. */
  attemptsNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** body equals the value. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** body contains the text. */
  bodyContains?: InputMaybe<Scalars['String']['input']>;
  /** body contains the text, ignoring case. */
  bodyContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** body equals the text, ignoring case. */
  bodyEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** body is greater than the value. */
  bodyGT?: InputMaybe<Scalars['String']['input']>;
  /** body is at least the value. */
  bodyGTE?: InputMaybe<Scalars['String']['input']>;
  /** body starts with the text. */
  bodyHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** body ends with the text. */
  bodyHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** body is one of the values. */
  bodyIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** body is less than the value. */
  bodyLT?: InputMaybe<Scalars['String']['input']>;
  /** body is at most the value. */
  bodyLTE?: InputMaybe<Scalars['String']['input']>;
  /** body is not the value. */
  bodyNEQ?: InputMaybe<Scalars['String']['input']>;
  /** body is none of the values. */
  bodyNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /**
   * clientID equals the value.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is greater than the value.
   * @deprecated Use clientIdGT: the API spells ids ...Id everywhere.
   */
  clientIDGT?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is at least the value.
   * @deprecated Use clientIdGTE: the API spells ids ...Id everywhere.
   */
  clientIDGTE?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is one of the values.
   * @deprecated Use clientIdIn: the API spells ids ...Id everywhere.
   */
  clientIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * clientID is not set.
   * @deprecated Use clientIdIsNil: the API spells ids ...Id everywhere.
   */
  clientIDIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * clientID is less than the value.
   * @deprecated Use clientIdLT: the API spells ids ...Id everywhere.
   */
  clientIDLT?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is at most the value.
   * @deprecated Use clientIdLTE: the API spells ids ...Id everywhere.
   */
  clientIDLTE?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is not the value.
   * @deprecated Use clientIdNEQ: the API spells ids ...Id everywhere.
   */
  clientIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is none of the values.
   * @deprecated Use clientIdNotIn: the API spells ids ...Id everywhere.
   */
  clientIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * clientID is set.
   * @deprecated Use clientIdNotNil: the API spells ids ...Id everywhere.
   */
  clientIDNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** clientId equals the value. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is greater than the value. */
  clientIdGT?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is at least the value. */
  clientIdGTE?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is one of the values. */
  clientIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId is not set. */
  clientIdIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** clientId is less than the value. */
  clientIdLT?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is at most the value. */
  clientIdLTE?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is not the value. */
  clientIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is none of the values. */
  clientIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId is set. */
  clientIdNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** createdAt equals the value. */
  createdAt?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is greater than the value. */
  createdAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at least the value. */
  createdAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is one of the values. */
  createdAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** createdAt is less than the value. */
  createdAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at most the value. */
  createdAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is not the value. */
  createdAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is none of the values. */
  createdAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /**
   * executionID equals the value.
   * @deprecated Use executionId: the API spells ids ...Id everywhere.
   */
  executionID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * executionID is greater than the value.
   * @deprecated Use executionIdGT: the API spells ids ...Id everywhere.
   */
  executionIDGT?: InputMaybe<Scalars['ID']['input']>;
  /**
   * executionID is at least the value.
   * @deprecated Use executionIdGTE: the API spells ids ...Id everywhere.
   */
  executionIDGTE?: InputMaybe<Scalars['ID']['input']>;
  /**
   * executionID is one of the values.
   * @deprecated Use executionIdIn: the API spells ids ...Id everywhere.
   */
  executionIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * executionID is not set.
   * @deprecated Use executionIdIsNil: the API spells ids ...Id everywhere.
   */
  executionIDIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * executionID is less than the value.
   * @deprecated Use executionIdLT: the API spells ids ...Id everywhere.
   */
  executionIDLT?: InputMaybe<Scalars['ID']['input']>;
  /**
   * executionID is at most the value.
   * @deprecated Use executionIdLTE: the API spells ids ...Id everywhere.
   */
  executionIDLTE?: InputMaybe<Scalars['ID']['input']>;
  /**
   * executionID is not the value.
   * @deprecated Use executionIdNEQ: the API spells ids ...Id everywhere.
   */
  executionIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * executionID is none of the values.
   * @deprecated Use executionIdNotIn: the API spells ids ...Id everywhere.
   */
  executionIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * executionID is set.
   * @deprecated Use executionIdNotNil: the API spells ids ...Id everywhere.
   */
  executionIDNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** executionId equals the value. */
  executionId?: InputMaybe<Scalars['ID']['input']>;
  /** executionId is greater than the value. */
  executionIdGT?: InputMaybe<Scalars['ID']['input']>;
  /** executionId is at least the value. */
  executionIdGTE?: InputMaybe<Scalars['ID']['input']>;
  /** executionId is one of the values. */
  executionIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** executionId is not set. */
  executionIdIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** executionId is less than the value. */
  executionIdLT?: InputMaybe<Scalars['ID']['input']>;
  /** executionId is at most the value. */
  executionIdLTE?: InputMaybe<Scalars['ID']['input']>;
  /** executionId is not the value. */
  executionIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** executionId is none of the values. */
  executionIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** executionId is set. */
  executionIdNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** lastError equals the value. */
  lastError?: InputMaybe<Scalars['String']['input']>;
  /** lastError contains the text. */
  lastErrorContains?: InputMaybe<Scalars['String']['input']>;
  /** lastError contains the text, ignoring case. */
  lastErrorContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** lastError equals the text, ignoring case. */
  lastErrorEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** lastError is greater than the value. */
  lastErrorGT?: InputMaybe<Scalars['String']['input']>;
  /** lastError is at least the value. */
  lastErrorGTE?: InputMaybe<Scalars['String']['input']>;
  /** lastError starts with the text. */
  lastErrorHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** lastError ends with the text. */
  lastErrorHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** lastError is one of the values. */
  lastErrorIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** lastError is not set. */
  lastErrorIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** lastError is less than the value. */
  lastErrorLT?: InputMaybe<Scalars['String']['input']>;
  /** lastError is at most the value. */
  lastErrorLTE?: InputMaybe<Scalars['String']['input']>;
  /** lastError is not the value. */
  lastErrorNEQ?: InputMaybe<Scalars['String']['input']>;
  /** lastError is none of the values. */
  lastErrorNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** lastError is set. */
  lastErrorNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * messageID equals the value.
   * @deprecated Use messageId: the API spells ids ...Id everywhere.
   */
  messageID?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID contains the text.
   * @deprecated Use messageIdContains: the API spells ids ...Id everywhere.
   */
  messageIDContains?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID contains the text, ignoring case.
   * @deprecated Use messageIdContainsFold: the API spells ids ...Id everywhere.
   */
  messageIDContainsFold?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID equals the text, ignoring case.
   * @deprecated Use messageIdEqualFold: the API spells ids ...Id everywhere.
   */
  messageIDEqualFold?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID is greater than the value.
   * @deprecated Use messageIdGT: the API spells ids ...Id everywhere.
   */
  messageIDGT?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID is at least the value.
   * @deprecated Use messageIdGTE: the API spells ids ...Id everywhere.
   */
  messageIDGTE?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID starts with the text.
   * @deprecated Use messageIdHasPrefix: the API spells ids ...Id everywhere.
   */
  messageIDHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID ends with the text.
   * @deprecated Use messageIdHasSuffix: the API spells ids ...Id everywhere.
   */
  messageIDHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID is one of the values.
   * @deprecated Use messageIdIn: the API spells ids ...Id everywhere.
   */
  messageIDIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /**
   * messageID is less than the value.
   * @deprecated Use messageIdLT: the API spells ids ...Id everywhere.
   */
  messageIDLT?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID is at most the value.
   * @deprecated Use messageIdLTE: the API spells ids ...Id everywhere.
   */
  messageIDLTE?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID is not the value.
   * @deprecated Use messageIdNEQ: the API spells ids ...Id everywhere.
   */
  messageIDNEQ?: InputMaybe<Scalars['String']['input']>;
  /**
   * messageID is none of the values.
   * @deprecated Use messageIdNotIn: the API spells ids ...Id everywhere.
   */
  messageIDNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** messageId equals the value. */
  messageId?: InputMaybe<Scalars['String']['input']>;
  /** messageId contains the text. */
  messageIdContains?: InputMaybe<Scalars['String']['input']>;
  /** messageId contains the text, ignoring case. */
  messageIdContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** messageId equals the text, ignoring case. */
  messageIdEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** messageId is greater than the value. */
  messageIdGT?: InputMaybe<Scalars['String']['input']>;
  /** messageId is at least the value. */
  messageIdGTE?: InputMaybe<Scalars['String']['input']>;
  /** messageId starts with the text. */
  messageIdHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** messageId ends with the text. */
  messageIdHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** messageId is one of the values. */
  messageIdIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** messageId is less than the value. */
  messageIdLT?: InputMaybe<Scalars['String']['input']>;
  /** messageId is at most the value. */
  messageIdLTE?: InputMaybe<Scalars['String']['input']>;
  /** messageId is not the value. */
  messageIdNEQ?: InputMaybe<Scalars['String']['input']>;
  /** messageId is none of the values. */
  messageIdNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<EmailWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<EmailWhereInput>>;
  /** sentAt equals the value. */
  sentAt?: InputMaybe<Scalars['Time']['input']>;
  /** sentAt is greater than the value. */
  sentAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** sentAt is at least the value. */
  sentAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** sentAt is one of the values. */
  sentAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** sentAt is not set. */
  sentAtIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** sentAt is less than the value. */
  sentAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** sentAt is at most the value. */
  sentAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** sentAt is not the value. */
  sentAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** sentAt is none of the values. */
  sentAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** sentAt is set. */
  sentAtNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** status equals the value. */
  status?: InputMaybe<EmailStatus>;
  /** status is one of the values. */
  statusIn?: InputMaybe<Array<EmailStatus>>;
  /** status is not the value. */
  statusNEQ?: InputMaybe<EmailStatus>;
  /** status is none of the values. */
  statusNotIn?: InputMaybe<Array<EmailStatus>>;
  /** stepIndex equals the value. */
  stepIndex?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is greater than the value. */
  stepIndexGT?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is at least the value. */
  stepIndexGTE?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is one of the values. */
  stepIndexIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** stepIndex is not set. */
  stepIndexIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** stepIndex is less than the value. */
  stepIndexLT?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is at most the value. */
  stepIndexLTE?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is not the value. */
  stepIndexNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is none of the values. */
  stepIndexNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** stepIndex is set. */
  stepIndexNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** subject equals the value. */
  subject?: InputMaybe<Scalars['String']['input']>;
  /** subject contains the text. */
  subjectContains?: InputMaybe<Scalars['String']['input']>;
  /** subject contains the text, ignoring case. */
  subjectContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** subject equals the text, ignoring case. */
  subjectEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** subject is greater than the value. */
  subjectGT?: InputMaybe<Scalars['String']['input']>;
  /** subject is at least the value. */
  subjectGTE?: InputMaybe<Scalars['String']['input']>;
  /** subject starts with the text. */
  subjectHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** subject ends with the text. */
  subjectHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** subject is one of the values. */
  subjectIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** subject is less than the value. */
  subjectLT?: InputMaybe<Scalars['String']['input']>;
  /** subject is at most the value. */
  subjectLTE?: InputMaybe<Scalars['String']['input']>;
  /** subject is not the value. */
  subjectNEQ?: InputMaybe<Scalars['String']['input']>;
  /** subject is none of the values. */
  subjectNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** to equals the value. */
  to?: InputMaybe<Scalars['String']['input']>;
  /** to contains the text. */
  toContains?: InputMaybe<Scalars['String']['input']>;
  /** to contains the text, ignoring case. */
  toContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** to equals the text, ignoring case. */
  toEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** to is greater than the value. */
  toGT?: InputMaybe<Scalars['String']['input']>;
  /** to is at least the value. */
  toGTE?: InputMaybe<Scalars['String']['input']>;
  /** to starts with the text. */
  toHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** to ends with the text. */
  toHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** to is one of the values. */
  toIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** to is less than the value. */
  toLT?: InputMaybe<Scalars['String']['input']>;
  /** to is at most the value. */
  toLTE?: InputMaybe<Scalars['String']['input']>;
  /** to is not the value. */
  toNEQ?: InputMaybe<Scalars['String']['input']>;
  /** to is none of the values. */
  toNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Executions counted by status. */
export type ExecutionStatusCounts = {
  __typename?: 'ExecutionStatusCounts';
  /** Cancelled by a user. */
  cancelled: Scalars['Int']['output'];
  /** Ended successfully (STOP steps and met goals included). */
  completed: Scalars['Int']['output'];
  /** Ended with a failed step, a timeout or the loop guard. */
  failed: Scalars['Int']['output'];
  /** COMPLETED and FAILED ones: those with a verdict. */
  finished: Scalars['Int']['output'];
  /** Waiting to be claimed (new, delayed or backing off before a retry). */
  pending: Scalars['Int']['output'];
  /** Being run by a worker. */
  running: Scalars['Int']['output'];
  /** All of them. */
  total: Scalars['Int']['output'];
};

/** An execution's step attempts in the order they ran. */
export type ExecutionTimeline = {
  __typename?: 'ExecutionTimeline';
  /** The execution. */
  execution: WorkflowExecution;
  /** Every step attempt, by run, then start time (at most 5,000). */
  steps: Array<TimelineStep>;
  /** True when the execution has more than 5,000 step attempts and the list stops there. */
  truncated: Scalars['Boolean']['output'];
};

/** A workflow with failed executions in the window. */
export type FailingWorkflow = {
  __typename?: 'FailingWorkflow';
  /** Its FAILED executions in the window. */
  failures: Scalars['Int']['output'];
  /** The workflow's name. */
  name: Scalars['String']['output'];
  /** All its executions in the window. */
  total: Scalars['Int']['output'];
  /** The workflow's ID. */
  workflowId: Scalars['ID']['output'];
};

/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Turns a workflow on; warnings name self-triggering loops. */
  activateWorkflow: ActivationResult;
  /**
   * Cancels a PENDING or RUNNING execution: a running one stops before its next step, a delayed
   * one never wakes. Refused with CONFLICT in any other status.
   */
  cancelExecution: WorkflowExecution;
  /**
   * Marks a task completed and raises TASK_COMPLETED. Refused with CONFLICT when the task is
   * already completed.
   */
  completeTask: Task;
  /** Creates an API token for the signed-in user. */
  createApiToken: CreatedApiToken;
  /** Create a client; matching CLIENT_CREATED workflows start. */
  createClient: Client;
  /** ADMIN: define a custom client field (at most 100). */
  createClientField: ClientField;
  /** Creates a user (ADMIN only). */
  createUser: User;
  /** Create a workflow; the definition is validated (VALIDATION_FAILED lists every problem). */
  createWorkflow: Workflow;
  /** Creates an inactive workflow from a template. */
  createWorkflowFromTemplate: Workflow;
  /** Stop the workflow's trigger; running executions go on. */
  deactivateWorkflow: Workflow;
  /** Deletes a client with its executions, tasks, documents and activities. Returns the deleted ID. */
  deleteClient: Scalars['ID']['output'];
  /** ADMIN: delete a custom client field; refused with CONFLICT while a workflow uses it. Returns the key. */
  deleteClientField: Scalars['String']['output'];
  /** Deletes a user. Refused with CONFLICT while the user is the author of workflows. */
  deleteUser: Scalars['ID']['output'];
  /** Deletes a workflow with its executions and their logs. Returns the deleted ID. */
  deleteWorkflow: Scalars['ID']['output'];
  /** Copies a workflow (inactive, version 1, no executions). */
  duplicateWorkflow: Workflow;
  /** Exchanges an email and password for an access token. The only operation allowed without a token. */
  login: AuthPayload;
  /**
   * Records a document's metadata on a client and raises DOCUMENT_UPLOADED: matching workflows
   * get a PENDING execution in the same transaction.
   */
  registerDocument: Document;
  /**
   * Runs a FAILED or CANCELLED execution again on the definition it was created with, from the
   * failed step (default) or from the start. Refused with CONFLICT in any other status.
   */
  retryExecution: WorkflowExecution;
  /** Revokes one of your API tokens; it stops working at once. */
  revokeApiToken: ApiToken;
  /** Makes a NEW version whose definition equals the given version's. */
  rollbackWorkflow: Workflow;
  /** Replaces a WEBHOOK workflow's secret; the new one is in the response's webhookSecret, once. */
  rotateWebhookSecret: Workflow;
  /** Saves a copy of a workflow as a template. */
  saveWorkflowAsTemplate: Workflow;
  /**
   * Starts an active MANUAL workflow now and returns its PENDING execution. clientId names the
   * client the run is about; data is available to the workflow as trigger.data.
   */
  triggerWorkflow: WorkflowExecution;
  /** Change a client; matching CLIENT_UPDATED and CLIENT_STATUS_CHANGED workflows start. */
  updateClient: Client;
  /** ADMIN: change a custom client field's label or options. */
  updateClientField: ClientField;
  /**
   * Edits a workflow. A change of trigger, conditions or actions is validated and makes a new
   * version; expectedVersion (argument or input field) guards against lost updates.
   */
  updateWorkflow: Workflow;
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationActivateWorkflowArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationCancelExecutionArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationCompleteTaskArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationCreateApiTokenArgs = {
  expiresAt?: InputMaybe<Scalars['Time']['input']>;
  name: Scalars['String']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationCreateClientArgs = {
  input: CreateClientInput;
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationCreateClientFieldArgs = {
  input: CreateClientFieldInput;
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationCreateWorkflowArgs = {
  input: CreateWorkflowInput;
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationCreateWorkflowFromTemplateArgs = {
  input: CreateWorkflowFromTemplateInput;
  templateId: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationDeactivateWorkflowArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationDeleteClientArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationDeleteClientFieldArgs = {
  key: Scalars['String']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationDeleteUserArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationDeleteWorkflowArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationDuplicateWorkflowArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationRegisterDocumentArgs = {
  input: RegisterDocumentInput;
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationRetryExecutionArgs = {
  from?: InputMaybe<RetryFrom>;
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationRollbackWorkflowArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationSaveWorkflowAsTemplateArgs = {
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationTriggerWorkflowArgs = {
  clientId?: InputMaybe<Scalars['ID']['input']>;
  data?: InputMaybe<Scalars['Map']['input']>;
  id: Scalars['ID']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationUpdateClientArgs = {
  id: Scalars['ID']['input'];
  input: UpdateClientInput;
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationUpdateClientFieldArgs = {
  input: UpdateClientFieldInput;
  key: Scalars['String']['input'];
};


/** Writes. Each runs in one database transaction: it happens whole or not at all. */
export type MutationUpdateWorkflowArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: UpdateWorkflowInput;
};

/**
 * An object with an ID.
 * Follows the [Relay Global Object Identification Specification](https://relay.dev/graphql/objectidentification.htm)
 */
export type Node = {
  /** The id of the object. */
  id: Scalars['ID']['output'];
};

/** What happens when a step still fails after its retries. */
export type OnError =
  /** The step is logged FAILED and the next step runs. */
  | 'CONTINUE'
  /** The execution ends as FAILED (the default). */
  | 'STOP';

/** Possible directions in which to order a list of items when provided an `orderBy` argument. */
export type OrderDirection =
  /** Specifies an ascending order for a given `orderBy` argument. */
  | 'ASC'
  /** Specifies a descending order for a given `orderBy` argument. */
  | 'DESC';

/**
 * Information about pagination in a connection.
 * https://relay.dev/graphql/connections.htm#sec-undefined.PageInfo
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** When paginating forwards, the cursor to continue. */
  endCursor: Maybe<Scalars['Cursor']['output']>;
  /** When paginating forwards, are there more items? */
  hasNextPage: Scalars['Boolean']['output'];
  /** When paginating backwards, are there more items? */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** When paginating backwards, the cursor to continue. */
  startCursor: Maybe<Scalars['Cursor']['output']>;
};

/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type Query = {
  __typename?: 'Query';
  /** Every custom client field, by key. */
  clientFields: Array<ClientField>;
  /** Clients, as a Relay connection. */
  clients: ClientConnection;
  /** The e-mail outbox. */
  emails: EmailConnection;
  /**
   * Every step attempt of an execution in order, with start, end and duration, for a Gantt
   * view. An execution the caller may not read is NOT_FOUND.
   */
  executionTimeline: ExecutionTimeline;
  /** The signed-in user. */
  me: User;
  /** Fetches an object given its ID. */
  node: Maybe<Node>;
  /** Lookup nodes by a list of IDs. */
  nodes: Array<Maybe<Node>>;
  /**
   * Dry run of a stored workflow (workflowId) or of an unsaved definition: trigger match,
   * condition explanation and, for each action, what it would do. Writes nothing.
   */
  simulateWorkflow: SimulationResult;
  /** Tasks. */
  tasks: TaskConnection;
  /** Users. */
  users: UserConnection;
  /** Executions of every workflow the caller may read. */
  workflowExecutions: WorkflowExecutionConnection;
  /**
   * Statistics of the executions created in [since, until): of one workflow, or, without
   * workflowId, of every workflow the caller may read (with the most failing ones). The window
   * is at most 366 days and at most 1,000 buckets wide; a wider or empty window is refused with
   * BAD_USER_INPUT. A workflow the caller may not read is NOT_FOUND.
   */
  workflowStats: WorkflowStats;
  /** Templates (isTemplate = true): the built-in library and workflows saved as templates. Templates never run. */
  workflowTemplates: WorkflowConnection;
  /** Workflows (templates included unless filtered). */
  workflows: WorkflowConnection;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryClientsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ClientOrder>>;
  where?: InputMaybe<ClientWhereInput>;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryEmailsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EmailOrder>>;
  where?: InputMaybe<EmailWhereInput>;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryExecutionTimelineArgs = {
  executionId: Scalars['ID']['input'];
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QuerySimulateWorkflowArgs = {
  definition?: InputMaybe<WorkflowDefinitionInput>;
  sample: SimulationSampleInput;
  workflowId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryTasksArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TaskOrder>>;
  where?: InputMaybe<TaskWhereInput>;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserOrder>>;
  where?: InputMaybe<UserWhereInput>;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryWorkflowExecutionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowExecutionOrder>>;
  where?: InputMaybe<WorkflowExecutionWhereInput>;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryWorkflowStatsArgs = {
  bucket: StatsBucket;
  since: Scalars['Time']['input'];
  until: Scalars['Time']['input'];
  workflowId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryWorkflowTemplatesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowOrder>>;
  where?: InputMaybe<WorkflowWhereInput>;
};


/** Reads. Lists are Relay connections (first/after, last/before), limited to MAX_PAGE_SIZE per page. */
export type QueryWorkflowsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowOrder>>;
  where?: InputMaybe<WorkflowWhereInput>;
};

/** A document to register for a client. */
export type RegisterDocumentInput = {
  /**
   * The same as clientId, in ent's spelling; give one of the two.
   * @deprecated Use clientId.
   */
  clientID?: InputMaybe<Scalars['ID']['input']>;
  /** The client the document belongs to (required). */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** Media type such as application/pdf. */
  contentType: Scalars['String']['input'];
  /** File name, 1 to 500 characters. */
  name: Scalars['String']['input'];
  /** Size in bytes, 0 or more. */
  sizeBytes: Scalars['Int']['input'];
};

/** Where a retried execution resumes. */
export type RetryFrom =
  /** At the step that failed (or was next when cancelled); steps that succeeded are not repeated. */
  | 'FAILED_STEP'
  /** From the beginning: conditions are evaluated again and every step runs again. */
  | 'START';

/** How often and how fast a failing step is tried again. */
export type RetryPolicy = {
  __typename?: 'RetryPolicy';
  /** Wait before the second try, a Go duration like 1s (default 1s); it doubles after each try. */
  initialBackoff: Maybe<Scalars['String']['output']>;
  /** Tries of the step in all, the first included (default 3). */
  maxAttempts: Maybe<Scalars['Int']['output']>;
  /** The longest wait between tries (default 1m). */
  maxBackoff: Maybe<Scalars['String']['output']>;
};

/** How often and how fast a failing step is tried again. */
export type RetryPolicyInput = {
  /** Wait before the second try, a Go duration like 1s (default 1s). */
  initialBackoff?: InputMaybe<Scalars['String']['input']>;
  /** Tries of the step in all, the first included (default 3). */
  maxAttempts?: InputMaybe<Scalars['Int']['input']>;
  /** The longest wait between tries (default 1m). */
  maxBackoff?: InputMaybe<Scalars['String']['input']>;
};

/** What a user may do. */
export type Role =
  /** Everything, users included. */
  | 'ADMIN'
  /** Workflows of their own and the CRM. */
  | 'EDITOR'
  /** Read only. */
  | 'VIEWER';

/** What a workflow would do for an event, computed without any side effect. */
export type SimulationResult = {
  __typename?: 'SimulationResult';
  /** Whether the conditions hold for the sample. */
  conditionsPassed: Scalars['Boolean']['output'];
  /** The enrollment rule in effect: {mode, reenrollOn} (EVERY_TIME when the definition has none). */
  enrollment: Scalars['Map']['output'];
  /** Which condition passed or failed and why, as a tree. */
  explanation: Scalars['Map']['output'];
  /**
   * How the definition's flow control would treat the sample: for each of debounce,
   * concurrency and throttle that is set, its settings and the key rendered for the sample
   * ({"debounce": {"period": "10m", "key": "…", "wouldStartAt": "…"}, ...}); null without any.
   */
  flowControl: Maybe<Scalars['Map']['output']>;
  /** Which part of the goal passed or failed and why; null without a goal. */
  goalExplanation: Maybe<Scalars['Map']['output']>;
  /** Whether the goal holds for the sample (the run would end at once with GOAL_MET); null without a goal. */
  goalMet: Maybe<Scalars['Boolean']['output']>;
  /** Each step the run would go through, in order. */
  steps: Array<SimulationStep>;
  /** Whether the trigger's filters match the sample event. */
  triggerMatched: Scalars['Boolean']['output'];
};

/**
 * The event a simulation pretends happened. clientId picks a real client (read, never
 * written); triggerData adds the event's own data: oldStatus, newStatus, changedFields,
 * previous (client fields before the change), document, task, data (MANUAL/WEBHOOK payload).
 */
export type SimulationSampleInput = {
  /** The client the simulated event is about (read as it is now). */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** The event's data, as an execution's triggerData. */
  triggerData?: InputMaybe<Scalars['Map']['input']>;
};

/** What one step would do in a simulation. */
export type SimulationStep = {
  __typename?: 'SimulationStep';
  /** The IF/SWITCH branch the step is in (then, else, a case name, default). */
  branch: Maybe<Scalars['String']['output']>;
  /** What the effect would be: {to, subject} for an email, {title, priority, dueAt, assignee} for a task, ... */
  details: Maybe<Scalars['Map']['output']>;
  /** wouldSendEmail, wouldCreateTask, wouldUpdateClient, wouldAddTag, wouldRemoveTag, wouldSendWebhook, wouldDelay, wouldLogActivity, wouldFindClients, wouldFindTasks, wouldBranch (IF, SWITCH), wouldLoop (FOR_EACH), wouldStop, or skipped. */
  effect: Scalars['String']['output'];
  /** Why the step would fail, when it would. */
  error: Maybe<Scalars['String']['output']>;
  /** The step's position in the compiled step tree, as WorkflowExecutionLog.stepIndex. */
  index: Scalars['Int']['output'];
  /** The loop item the step is previewed for (the first 10 items of each FOR_EACH are). */
  iteration: Maybe<Scalars['Int']['output']>;
  /** The step's name, if it has one. */
  name: Maybe<Scalars['String']['output']>;
  /** The step's JSON pointer in the definition, e.g. /actions/1/then/0. */
  path: Scalars['String']['output'];
  /** The action's config with placeholders rendered (secrets shown as ***). */
  renderedConfig: Maybe<Scalars['Map']['output']>;
  /** The step's type. */
  type: ActionType;
};

/** The width of one point of a statistics time series. Buckets are in UTC. */
export type StatsBucket =
  /** One day, from midnight UTC. */
  | 'DAY'
  /** One hour. */
  | 'HOUR'
  /** One ISO week, from Monday midnight UTC. */
  | 'WEEK';

/** The most recently created execution of the window. */
export type StatsLastRun = {
  __typename?: 'StatsLastRun';
  /** When it was created (the event's time). */
  createdAt: Scalars['Time']['output'];
  /** The execution's ID. */
  executionId: Scalars['ID']['output'];
  /** When a worker first took its current run (null while PENDING). */
  startedAt: Maybe<Scalars['Time']['output']>;
  /** Where it stands now. */
  status: WorkflowExecutionStatus;
  /** The workflow it belongs to. */
  workflowId: Scalars['ID']['output'];
};

/** One point of the series: executions created in [start, start + bucket). */
export type StatsPoint = {
  __typename?: 'StatsPoint';
  /** The executions created in the bucket, by status. */
  counts: ExecutionStatusCounts;
  /** The bucket's start (UTC). */
  start: Scalars['Time']['output'];
};

/**
 * The attempts of one step of one workflow in the window's executions. A step is identified
 * by its key, or by its index when it has none. SKIPPED rows are not attempts and are left out.
 */
export type StepStats = {
  __typename?: 'StepStats';
  /** The step's type. */
  actionType: ActionType;
  /** Median duration of an attempt in milliseconds (interpolated); null without attempts. */
  durationP50Ms: Maybe<Scalars['Float']['output']>;
  /** Attempts that FAILED. */
  failures: Scalars['Int']['output'];
  /** Attempts that ran (SUCCESS or FAILED log rows), retries included. */
  runs: Scalars['Int']['output'];
  /** The step's position in the compiled step list (the lowest seen, for a keyed step). */
  stepIndex: Scalars['Int']['output'];
  /** The step's key, if it has one. */
  stepKey: Maybe<Scalars['String']['output']>;
  /** The workflow the step belongs to. */
  workflowId: Scalars['ID']['output'];
};

/**
 * Live updates of executions, their logs and workflows, in every server process: a change
 * committed by any replica reaches subscribers connected to any other. Each event is the row
 * as the subscriber may read it now, so nested fields can be selected as in queries. Rows the
 * caller may not read are never sent. A subscriber that falls more than a few hundred events
 * behind is cut off with the error SUBSCRIBER_TOO_SLOW; limits per connection and per caller
 * answer TOO_MANY_SUBSCRIPTIONS.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** A step attempt was logged (one row per attempt, retries included). */
  executionLogAdded: WorkflowExecutionLog;
  /**
   * An execution was created or changed status or position (step, attempt, run). With no
   * argument: every execution the caller may read. A final status is never lost: if a
   * notification is, the server finds the final status within seconds.
   */
  executionUpdated: WorkflowExecution;
  /**
   * A workflow was created, edited, activated or deactivated, or got a new version. The
   * subscription ends when the workflow it names is deleted.
   */
  workflowChanged: Workflow;
};


/**
 * Live updates of executions, their logs and workflows, in every server process: a change
 * committed by any replica reaches subscribers connected to any other. Each event is the row
 * as the subscriber may read it now, so nested fields can be selected as in queries. Rows the
 * caller may not read are never sent. A subscriber that falls more than a few hundred events
 * behind is cut off with the error SUBSCRIBER_TOO_SLOW; limits per connection and per caller
 * answer TOO_MANY_SUBSCRIPTIONS.
 */
export type SubscriptionExecutionLogAddedArgs = {
  executionId?: InputMaybe<Scalars['ID']['input']>;
  workflowId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Live updates of executions, their logs and workflows, in every server process: a change
 * committed by any replica reaches subscribers connected to any other. Each event is the row
 * as the subscriber may read it now, so nested fields can be selected as in queries. Rows the
 * caller may not read are never sent. A subscriber that falls more than a few hundred events
 * behind is cut off with the error SUBSCRIBER_TOO_SLOW; limits per connection and per caller
 * answer TOO_MANY_SUBSCRIPTIONS.
 */
export type SubscriptionExecutionUpdatedArgs = {
  executionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<WorkflowExecutionStatus>>;
  workflowId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Live updates of executions, their logs and workflows, in every server process: a change
 * committed by any replica reaches subscribers connected to any other. Each event is the row
 * as the subscriber may read it now, so nested fields can be selected as in queries. Rows the
 * caller may not read are never sent. A subscriber that falls more than a few hundred events
 * behind is cut off with the error SUBSCRIBER_TOO_SLOW; limits per connection and per caller
 * answer TOO_MANY_SUBSCRIPTIONS.
 */
export type SubscriptionWorkflowChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};

/** A to-do for a user, usually about a client. */
export type Task = Node & {
  __typename?: 'Task';
  /** The user who should do it. */
  assignee: Maybe<User>;
  /**
   * The ID of the user who should do it.
   * @deprecated Use assigneeId: the API spells ids ...Id everywhere.
   */
  assigneeID: Maybe<Scalars['ID']['output']>;
  /** The ID of the user who should do it. */
  assigneeId: Maybe<Scalars['ID']['output']>;
  /** The client. */
  client: Maybe<Client>;
  /**
   * The client's ID.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID: Maybe<Scalars['ID']['output']>;
  /** The client's ID. */
  clientId: Maybe<Scalars['ID']['output']>;
  /** When it was completed (completeTask). */
  completedAt: Maybe<Scalars['Time']['output']>;
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** When it is due. */
  dueAt: Maybe<Scalars['Time']['output']>;
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** How urgent it is. */
  priority: TaskPriority;
  /** What to do. */
  title: Scalars['String']['output'];
  /** When it last changed. */
  updatedAt: Scalars['Time']['output'];
};

/** A connection to a list of items. */
export type TaskConnection = {
  __typename?: 'TaskConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<TaskEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type TaskEdge = {
  __typename?: 'TaskEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<Task>;
};

/** Ordering options for Task connections */
export type TaskOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order Tasks. */
  field: TaskOrderField;
};

/** Properties by which Task connections can be ordered. */
export type TaskOrderField =
  /** Order by created at. */
  | 'CREATED_AT'
  /** Order by due at. */
  | 'DUE_AT'
  /** Order by priority. */
  | 'PRIORITY'
  /** Order by title. */
  | 'TITLE'
  /** Order by updated at. */
  | 'UPDATED_AT';

/** How urgent a task is. */
export type TaskPriority =
  /** High. */
  | 'HIGH'
  /** Low. */
  | 'LOW'
  /** Medium (the default). */
  | 'MEDIUM'
  /** Urgent. */
  | 'URGENT';

/** Filters Task objects: every field given must hold. */
export type TaskWhereInput = {
  /** Holds when every filter does. */
  and?: InputMaybe<Array<TaskWhereInput>>;
  /**
   * assigneeID equals the value.
   * @deprecated Use assigneeId: the API spells ids ...Id everywhere.
   */
  assigneeID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * assigneeID is one of the values.
   * @deprecated Use assigneeIdIn: the API spells ids ...Id everywhere.
   */
  assigneeIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * assigneeID is not set.
   * @deprecated Use assigneeIdIsNil: the API spells ids ...Id everywhere.
   */
  assigneeIDIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * assigneeID is not the value.
   * @deprecated Use assigneeIdNEQ: the API spells ids ...Id everywhere.
   */
  assigneeIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * assigneeID is none of the values.
   * @deprecated Use assigneeIdNotIn: the API spells ids ...Id everywhere.
   */
  assigneeIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * assigneeID is set.
   * @deprecated Use assigneeIdNotNil: the API spells ids ...Id everywhere.
   */
  assigneeIDNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** assigneeId equals the value. */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** assigneeId is one of the values. */
  assigneeIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** assigneeId is not set. */
  assigneeIdIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** assigneeId is not the value. */
  assigneeIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** assigneeId is none of the values. */
  assigneeIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** assigneeId is set. */
  assigneeIdNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * clientID equals the value.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is one of the values.
   * @deprecated Use clientIdIn: the API spells ids ...Id everywhere.
   */
  clientIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * clientID is not set.
   * @deprecated Use clientIdIsNil: the API spells ids ...Id everywhere.
   */
  clientIDIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * clientID is not the value.
   * @deprecated Use clientIdNEQ: the API spells ids ...Id everywhere.
   */
  clientIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is none of the values.
   * @deprecated Use clientIdNotIn: the API spells ids ...Id everywhere.
   */
  clientIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * clientID is set.
   * @deprecated Use clientIdNotNil: the API spells ids ...Id everywhere.
   */
  clientIDNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** clientId equals the value. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is one of the values. */
  clientIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId is not set. */
  clientIdIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** clientId is not the value. */
  clientIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is none of the values. */
  clientIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId is set. */
  clientIdNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** completedAt equals the value. */
  completedAt?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is greater than the value. */
  completedAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is at least the value. */
  completedAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is one of the values. */
  completedAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** completedAt is not set. */
  completedAtIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** completedAt is less than the value. */
  completedAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is at most the value. */
  completedAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is not the value. */
  completedAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is none of the values. */
  completedAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** completedAt is set. */
  completedAtNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** createdAt equals the value. */
  createdAt?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is greater than the value. */
  createdAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at least the value. */
  createdAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is one of the values. */
  createdAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** createdAt is less than the value. */
  createdAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at most the value. */
  createdAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is not the value. */
  createdAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is none of the values. */
  createdAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** dueAt equals the value. */
  dueAt?: InputMaybe<Scalars['Time']['input']>;
  /** dueAt is greater than the value. */
  dueAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** dueAt is at least the value. */
  dueAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** dueAt is one of the values. */
  dueAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** dueAt is not set. */
  dueAtIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** dueAt is less than the value. */
  dueAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** dueAt is at most the value. */
  dueAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** dueAt is not the value. */
  dueAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** dueAt is none of the values. */
  dueAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** dueAt is set. */
  dueAtNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has at least one Assignee edge. */
  hasAssignee?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Assignee edge that matches one of the filters. */
  hasAssigneeWith?: InputMaybe<Array<UserWhereInput>>;
  /** Has at least one Client edge. */
  hasClient?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Client edge that matches one of the filters. */
  hasClientWith?: InputMaybe<Array<ClientWhereInput>>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<TaskWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<TaskWhereInput>>;
  /** priority equals the value. */
  priority?: InputMaybe<TaskPriority>;
  /** priority is one of the values. */
  priorityIn?: InputMaybe<Array<TaskPriority>>;
  /** priority is not the value. */
  priorityNEQ?: InputMaybe<TaskPriority>;
  /** priority is none of the values. */
  priorityNotIn?: InputMaybe<Array<TaskPriority>>;
  /** title equals the value. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** title contains the text. */
  titleContains?: InputMaybe<Scalars['String']['input']>;
  /** title contains the text, ignoring case. */
  titleContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** title equals the text, ignoring case. */
  titleEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** title is greater than the value. */
  titleGT?: InputMaybe<Scalars['String']['input']>;
  /** title is at least the value. */
  titleGTE?: InputMaybe<Scalars['String']['input']>;
  /** title starts with the text. */
  titleHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** title ends with the text. */
  titleHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** title is one of the values. */
  titleIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** title is less than the value. */
  titleLT?: InputMaybe<Scalars['String']['input']>;
  /** title is at most the value. */
  titleLTE?: InputMaybe<Scalars['String']['input']>;
  /** title is not the value. */
  titleNEQ?: InputMaybe<Scalars['String']['input']>;
  /** title is none of the values. */
  titleNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** updatedAt equals the value. */
  updatedAt?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is greater than the value. */
  updatedAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is at least the value. */
  updatedAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is one of the values. */
  updatedAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** updatedAt is less than the value. */
  updatedAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is at most the value. */
  updatedAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is not the value. */
  updatedAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is none of the values. */
  updatedAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
};

/** One step attempt of an execution, with its start and end, for a Gantt view. */
export type TimelineStep = {
  __typename?: 'TimelineStep';
  /** The step's type. */
  actionType: ActionType;
  /** The try of this step, from 1. */
  attempt: Scalars['Int']['output'];
  /** The IF or SWITCH branch the step is in. */
  branch: Maybe<Scalars['String']['output']>;
  /** How long it took, in milliseconds. */
  durationMs: Scalars['Int']['output'];
  /** When it ended: startedAt + durationMs. */
  endedAt: Scalars['Time']['output'];
  /** Why it failed, when it did. */
  errorMessage: Maybe<Scalars['String']['output']>;
  /** The loop item the step ran for (null outside loops). */
  iteration: Maybe<Scalars['Int']['output']>;
  /** The log row's ID (a WorkflowExecutionLog). */
  logId: Scalars['ID']['output'];
  /** The step's JSON pointer in the definition, e.g. /actions/1/then/0. */
  path: Scalars['String']['output'];
  /** The execution's run the attempt belongs to (a retry from the start makes run 2). */
  run: Scalars['Int']['output'];
  /** When the attempt started. */
  startedAt: Scalars['Time']['output'];
  /** How the attempt ended. */
  status: WorkflowExecutionLogStatus;
  /** The step's position in the compiled step list. */
  stepIndex: Scalars['Int']['output'];
  /** The step's key, if it has one. */
  stepKey: Maybe<Scalars['String']['output']>;
};

/** The CRM event that starts a workflow. */
export type TriggerType =
  /** A client is created. */
  | 'CLIENT_CREATED'
  /** A client's date (createdAt or a DATE/DATETIME custom field) plus an offset is reached. */
  | 'CLIENT_DATE'
  /** A client's status changes. */
  | 'CLIENT_STATUS_CHANGED'
  /** One of a client's fields changes. */
  | 'CLIENT_UPDATED'
  /** A document is registered for a client. */
  | 'DOCUMENT_UPLOADED'
  /** triggerWorkflow is called. */
  | 'MANUAL'
  /** A cron schedule ticks. */
  | 'SCHEDULED'
  /** A task is completed. */
  | 'TASK_COMPLETED'
  /** POST /hooks/{id} is called with the workflow's secret. */
  | 'WEBHOOK';

/** Changes to a custom client field; the key and type never change. */
export type UpdateClientFieldInput = {
  /** The new name shown to people. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** SELECT: the new allowed values (1 to 100, non-empty, unique). */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
};

/**
 * UpdateClientInput is used for update Client object.
 * Input was generated by ent.
 */
export type UpdateClientInput = {
  /** Tags to add to the current ones. */
  appendTags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Remove the owner. */
  clearOwner?: InputMaybe<Scalars['Boolean']['input']>;
  /** Remove the phone number. */
  clearPhone?: InputMaybe<Scalars['Boolean']['input']>;
  /** Values of the custom client fields (clientFields), by key. In updates, the given keys are merged into the current values and null removes one. */
  customFields?: InputMaybe<Scalars['Map']['input']>;
  /** E-mail address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Its name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /**
   * The ID of the user who owns the relationship.
   * @deprecated Use ownerId: the API spells ids ...Id everywhere.
   */
  ownerID?: InputMaybe<Scalars['ID']['input']>;
  /** The ID of the user who owns the relationship. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Where it stands. */
  status?: InputMaybe<ClientStatus>;
  /** Free-form labels (vip, ...). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Changes to a workflow; fields left out are unchanged. */
export type UpdateWorkflowInput = {
  /** A new step tree (a new version); hidden secrets (***) keep their stored values. */
  actions?: InputMaybe<Array<WorkflowActionInput>>;
  /** Remove the concurrency limit (a new version). */
  clearConcurrency?: InputMaybe<Scalars['Boolean']['input']>;
  /** Remove the debounce (a new version). */
  clearDebounce?: InputMaybe<Scalars['Boolean']['input']>;
  /** Remove the description. */
  clearDescription?: InputMaybe<Scalars['Boolean']['input']>;
  /** Remove the retentionDays override: its executions follow the server's RETENTION_DAYS again. */
  clearRetentionDays?: InputMaybe<Scalars['Boolean']['input']>;
  /** Remove the throttle (a new version). */
  clearThrottle?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new concurrency limit (a new version). */
  concurrency?: InputMaybe<WorkflowConcurrencyInput>;
  /** New conditions (a new version). */
  conditions?: InputMaybe<Scalars['Map']['input']>;
  /** A new debounce (a new version). */
  debounce?: InputMaybe<WorkflowDebounceInput>;
  /** A new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A new enrollment rule (a new version); {} goes back to EVERY_TIME. */
  enrollment?: InputMaybe<Scalars['Map']['input']>;
  /**
   * Optimistic locking: the version the change was made against. When the workflow has moved
   * on, the update fails with CONFLICT and changes nothing.
   */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** A new goal (a new version); {} removes it. */
  goal?: InputMaybe<Scalars['Map']['input']>;
  /** Start or stop the trigger. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Make it a template (which never runs) or a workflow. */
  isTemplate?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Keep its executions this many days after they end (1 to 3650) instead of the server's RETENTION_DAYS. */
  retentionDays?: InputMaybe<Scalars['Int']['input']>;
  /** A new throttle (a new version). */
  throttle?: InputMaybe<WorkflowThrottleInput>;
  /** New trigger filters (a new version). */
  triggerConfig?: InputMaybe<Scalars['Map']['input']>;
  /** A new trigger (a new version). */
  triggerType?: InputMaybe<TriggerType>;
};

/** A person who signs in, with a role. */
export type User = Node & {
  __typename?: 'User';
  /** The user's API tokens. */
  apiTokens: Maybe<Array<ApiToken>>;
  /** Clients the user owns. */
  clients: ClientConnection;
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** E-mail address. */
  email: Scalars['String']['output'];
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** Its name. */
  name: Scalars['String']['output'];
  /** What the user may do. */
  role: Role;
};


/** A person who signs in, with a role. */
export type UserClientsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ClientOrder>>;
  where?: InputMaybe<ClientWhereInput>;
};

/** A connection to a list of items. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<UserEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<User>;
};

/** Ordering options for User connections */
export type UserOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order Users. */
  field: UserOrderField;
};

/** Properties by which User connections can be ordered. */
export type UserOrderField =
  /** Order by created at. */
  | 'CREATED_AT'
  /** Order by email. */
  | 'EMAIL'
  /** Order by name. */
  | 'NAME';

/** Filters User objects: every field given must hold. */
export type UserWhereInput = {
  /** Holds when every filter does. */
  and?: InputMaybe<Array<UserWhereInput>>;
  /** createdAt equals the value. */
  createdAt?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is greater than the value. */
  createdAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at least the value. */
  createdAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is one of the values. */
  createdAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** createdAt is less than the value. */
  createdAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at most the value. */
  createdAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is not the value. */
  createdAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is none of the values. */
  createdAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** email equals the value. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** email contains the text. */
  emailContains?: InputMaybe<Scalars['String']['input']>;
  /** email contains the text, ignoring case. */
  emailContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** email equals the text, ignoring case. */
  emailEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** email is greater than the value. */
  emailGT?: InputMaybe<Scalars['String']['input']>;
  /** email is at least the value. */
  emailGTE?: InputMaybe<Scalars['String']['input']>;
  /** email starts with the text. */
  emailHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** email ends with the text. */
  emailHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** email is one of the values. */
  emailIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** email is less than the value. */
  emailLT?: InputMaybe<Scalars['String']['input']>;
  /** email is at most the value. */
  emailLTE?: InputMaybe<Scalars['String']['input']>;
  /** email is not the value. */
  emailNEQ?: InputMaybe<Scalars['String']['input']>;
  /** email is none of the values. */
  emailNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Has at least one Clients edge. */
  hasClients?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Clients edge that matches one of the filters. */
  hasClientsWith?: InputMaybe<Array<ClientWhereInput>>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** name equals the value. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** name contains the text. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** name contains the text, ignoring case. */
  nameContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** name equals the text, ignoring case. */
  nameEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** name is greater than the value. */
  nameGT?: InputMaybe<Scalars['String']['input']>;
  /** name is at least the value. */
  nameGTE?: InputMaybe<Scalars['String']['input']>;
  /** name starts with the text. */
  nameHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** name ends with the text. */
  nameHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** name is one of the values. */
  nameIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** name is less than the value. */
  nameLT?: InputMaybe<Scalars['String']['input']>;
  /** name is at most the value. */
  nameLTE?: InputMaybe<Scalars['String']['input']>;
  /** name is not the value. */
  nameNEQ?: InputMaybe<Scalars['String']['input']>;
  /** name is none of the values. */
  nameNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<UserWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<UserWhereInput>>;
  /** role equals the value. */
  role?: InputMaybe<Role>;
  /** role is one of the values. */
  roleIn?: InputMaybe<Array<Role>>;
  /** role is not the value. */
  roleNEQ?: InputMaybe<Role>;
  /** role is none of the values. */
  roleNotIn?: InputMaybe<Array<Role>>;
};

/** An automation: when its trigger fires and its conditions hold, its steps run as an execution. */
export type Workflow = Node & {
  __typename?: 'Workflow';
  /** The step tree, run in order. */
  actions: Array<WorkflowAction>;
  /** At most limit RUNNING executions per key; the others wait as PENDING (null: no limit). */
  concurrency: Maybe<WorkflowConcurrency>;
  /** Conditions on the event and the client; the steps run only when they hold ({} always holds). */
  conditions: Scalars['Map']['output'];
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** The user who created it. */
  createdBy: User;
  /**
   * The ID of the user who created it.
   * @deprecated Use createdById: the API spells ids ...Id everywhere.
   */
  createdByID: Scalars['ID']['output'];
  /** The ID of the user who created it. */
  createdById: Scalars['ID']['output'];
  /** Triggers of one key within the period make one execution, started the period after the last (null: no debounce). */
  debounce: Maybe<WorkflowDebounce>;
  /** What the workflow is for. */
  description: Maybe<Scalars['String']['output']>;
  /** Who may start a run: {mode: EVERY_TIME|ONCE|ONE_ACTIVE, reenrollOn: [client fields]}; null is EVERY_TIME. */
  enrollment: Maybe<Scalars['Map']['output']>;
  /** Its executions. */
  executions: WorkflowExecutionConnection;
  /** A condition that ends a run as COMPLETED with exitReason GOAL_MET when it holds; null: no goal. */
  goal: Maybe<Scalars['Map']['output']>;
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** Whether its trigger starts executions. */
  isActive: Scalars['Boolean']['output'];
  /** Templates never run; createWorkflowFromTemplate copies them. */
  isTemplate: Scalars['Boolean']['output'];
  /** Its name. */
  name: Scalars['String']['output'];
  /**
   * When the workflow runs next, for an active SCHEDULED workflow (the next cron slot) or an
   * active CLIENT_DATE workflow (the earliest pending client date); null otherwise, or when
   * nothing is due.
   */
  nextRunAt: Maybe<Scalars['Time']['output']>;
  /** Days its executions are kept after they end, overriding the server's RETENTION_DAYS (1 to 3650); null follows the server. */
  retentionDays: Maybe<Scalars['Int']['output']>;
  /** The built-in template it is (library templates only). */
  templateKey: Maybe<Scalars['String']['output']>;
  /** At most limit starts per period and key; the others start in a later window (null: no throttle). */
  throttle: Maybe<WorkflowThrottle>;
  /** Filters on the trigger (see the README: status, fields, cron, ...). */
  triggerConfig: Scalars['Map']['output'];
  /** The CRM event that starts it. */
  triggerType: TriggerType;
  /**
   * The next runs, earliest first (count from 1 to 100): cron slots of a SCHEDULED workflow,
   * pending client dates of a CLIENT_DATE workflow (one per client, so one time may repeat).
   * Empty for other triggers and inactive workflows.
   */
  upcomingRuns: Array<Scalars['Time']['output']>;
  /** When it last changed. */
  updatedAt: Scalars['Time']['output'];
  /** The definition's version, one more at every change of trigger, conditions or actions. */
  version: Scalars['Int']['output'];
  /** Its versions, newest first. */
  versions: WorkflowVersionConnection;
  /** Path to POST to for a WEBHOOK workflow (send the secret in the X-Flowline-Webhook-Secret header). */
  webhookPath: Maybe<Scalars['String']['output']>;
  /**
   * The secret that authenticates POST /hooks/{id} for a WEBHOOK workflow. Shown once: only in
   * the response of the mutation that generated it (createWorkflow, updateWorkflow to WEBHOOK,
   * rotateWebhookSecret); null everywhere else. Only a hash is stored.
   */
  webhookSecret: Maybe<Scalars['String']['output']>;
};


/** An automation: when its trigger fires and its conditions hold, its steps run as an execution. */
export type WorkflowExecutionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowExecutionOrder>>;
  where?: InputMaybe<WorkflowExecutionWhereInput>;
};


/** An automation: when its trigger fires and its conditions hold, its steps run as an execution. */
export type WorkflowUpcomingRunsArgs = {
  count?: InputMaybe<Scalars['Int']['input']>;
};


/** An automation: when its trigger fires and its conditions hold, its steps run as an execution. */
export type WorkflowVersionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowVersionOrder>>;
  where?: InputMaybe<WorkflowVersionWhereInput>;
};

/** One step of a workflow. */
export type WorkflowAction = {
  __typename?: 'WorkflowAction';
  /** FOR_EACH: the steps run once per item. */
  body: Maybe<Array<WorkflowAction>>;
  /** SWITCH: the cases, tried in order; the first that holds runs. */
  cases: Maybe<Array<WorkflowCase>>;
  /** Action-specific settings; see the README for each action type's keys. */
  config: Scalars['Map']['output'];
  /** SWITCH: the steps run when no case holds. */
  default: Maybe<Array<WorkflowAction>>;
  /** IF: the steps run when they do not. */
  else: Maybe<Array<WorkflowAction>>;
  /** Names the step so later steps can read its output as steps.<key>.output.<field>. */
  key: Maybe<Scalars['String']['output']>;
  /** A label for people. */
  name: Maybe<Scalars['String']['output']>;
  /** What happens when the step still fails after its retries (STOP when not set). */
  onError: OnError;
  /** How often and how fast a failing step is tried again. */
  retry: Maybe<RetryPolicy>;
  /** IF: the steps run when the conditions hold. */
  then: Maybe<Array<WorkflowAction>>;
  /** What the step does. */
  type: ActionType;
};

/** One step of a workflow, as createWorkflow and updateWorkflow take it. */
export type WorkflowActionInput = {
  /** FOR_EACH: the steps run once per item. */
  body?: InputMaybe<Array<WorkflowActionInput>>;
  /** SWITCH: the cases, tried in order. */
  cases?: InputMaybe<Array<WorkflowCaseInput>>;
  /** Action-specific settings; control steps without settings (SWITCH) may leave it out. */
  config?: InputMaybe<Scalars['Map']['input']>;
  /** SWITCH: the steps run when no case holds. */
  default?: InputMaybe<Array<WorkflowActionInput>>;
  /** IF: the steps run when they do not. */
  else?: InputMaybe<Array<WorkflowActionInput>>;
  /** Unique within the workflow, ^[a-z][a-z0-9_]{0,39}$; needed for later steps to read the output. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** A label for people. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** STOP (the default) or CONTINUE. */
  onError?: InputMaybe<OnError>;
  /** How often and how fast a failing step is tried again. */
  retry?: InputMaybe<RetryPolicyInput>;
  /** IF: the steps run when the conditions hold. */
  then?: InputMaybe<Array<WorkflowActionInput>>;
  /** What the step does. */
  type: ActionType;
};

/** One branch of a SWITCH step. */
export type WorkflowCase = {
  __typename?: 'WorkflowCase';
  /** The steps the case runs. */
  actions: Array<WorkflowAction>;
  /** When the case holds. */
  conditions: Scalars['Map']['output'];
  /** Labels the branch in logs (WorkflowExecutionLog.branch). */
  name: Scalars['String']['output'];
};

/** One branch of a SWITCH step. */
export type WorkflowCaseInput = {
  /** The steps the case runs. */
  actions: Array<WorkflowActionInput>;
  /** When the case holds. */
  conditions: Scalars['Map']['input'];
  /** Labels the branch in logs. */
  name: Scalars['String']['input'];
};

/** At most limit executions of one key are RUNNING at once; the others wait as PENDING, in order. */
export type WorkflowConcurrency = {
  __typename?: 'WorkflowConcurrency';
  /** The key, a placeholder template; null: one key for the whole workflow. */
  key: Maybe<Scalars['String']['output']>;
  /** How many may run at once per key (1 to 1000). */
  limit: Scalars['Int']['output'];
};

/** Concurrency of a definition (see WorkflowConcurrency). */
export type WorkflowConcurrencyInput = {
  /** The key, a placeholder template; left out: one key for the whole workflow. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** How many may run at once per key (1 to 1000). */
  limit: Scalars['Int']['input'];
};

/** A connection to a list of items. */
export type WorkflowConnection = {
  __typename?: 'WorkflowConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<WorkflowEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/**
 * Triggers of one key that come within period of each other make ONE execution, started
 * period after the last of them, with the last one's trigger data.
 */
export type WorkflowDebounce = {
  __typename?: 'WorkflowDebounce';
  /** The key, a placeholder template such as "{{client.id}}" (the default when null). */
  key: Maybe<Scalars['String']['output']>;
  /** How long to wait after the last trigger: a duration from 1s to 24h, such as "10m". */
  period: Scalars['String']['output'];
};

/** Debounce of a definition (see WorkflowDebounce). */
export type WorkflowDebounceInput = {
  /** The key, a placeholder template; left out: "{{client.id}}". */
  key?: InputMaybe<Scalars['String']['input']>;
  /** How long to wait after the last trigger (1s to 24h), such as "10m". */
  period: Scalars['String']['input'];
};

/** A workflow's versioned definition: trigger, conditions, actions, enrollment and goal. */
export type WorkflowDefinition = {
  __typename?: 'WorkflowDefinition';
  /** The step tree. */
  actions: Array<WorkflowAction>;
  /** Concurrency limit per key, if any. */
  concurrency: Maybe<WorkflowConcurrency>;
  /** Conditions that must hold for the steps to run. */
  conditions: Scalars['Map']['output'];
  /** Debounce per key, if any. */
  debounce: Maybe<WorkflowDebounce>;
  /** The enrollment rule ({mode, reenrollOn}); null is EVERY_TIME. */
  enrollment: Maybe<Scalars['Map']['output']>;
  /** The goal condition; null: no goal. */
  goal: Maybe<Scalars['Map']['output']>;
  /** Throttle per key, if any. */
  throttle: Maybe<WorkflowThrottle>;
  /** Filters on the trigger. */
  triggerConfig: Scalars['Map']['output'];
  /** The CRM event that starts the workflow. */
  triggerType: TriggerType;
};

/** A definition to simulate without saving it. */
export type WorkflowDefinitionInput = {
  /** The step tree. */
  actions: Array<WorkflowActionInput>;
  /** Concurrency limit per key. */
  concurrency?: InputMaybe<WorkflowConcurrencyInput>;
  /** Conditions that must hold for the steps to run. */
  conditions?: InputMaybe<Scalars['Map']['input']>;
  /** Debounce per key. */
  debounce?: InputMaybe<WorkflowDebounceInput>;
  /** Who may start a run: {mode: EVERY_TIME|ONCE|ONE_ACTIVE, reenrollOn: [client fields]}. */
  enrollment?: InputMaybe<Scalars['Map']['input']>;
  /** A condition that ends a run when it holds. */
  goal?: InputMaybe<Scalars['Map']['input']>;
  /** Throttle per key. */
  throttle?: InputMaybe<WorkflowThrottleInput>;
  /** Filters on the trigger. */
  triggerConfig?: InputMaybe<Scalars['Map']['input']>;
  /** The CRM event that starts the workflow. */
  triggerType: TriggerType;
};

/** An edge in a connection. */
export type WorkflowEdge = {
  __typename?: 'WorkflowEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<Workflow>;
};

/** One run of a workflow for one event, advanced by the engine step by step. */
export type WorkflowExecution = Node & {
  __typename?: 'WorkflowExecution';
  /** How many times a worker claimed it. */
  attempt: Scalars['Int']['output'];
  /** The client the run is about, if any. */
  client: Maybe<Client>;
  /**
   * The ID of the client the run is about, if any.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID: Maybe<Scalars['ID']['output']>;
  /** The ID of the client the run is about, if any. */
  clientId: Maybe<Scalars['ID']['output']>;
  /** When it ended. */
  completedAt: Maybe<Scalars['Time']['output']>;
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** The next step to run, in the compiled step list. */
  currentStep: Scalars['Int']['output'];
  /** Causation depth: 0 for a user's change, one more for a change made by an execution (the loop guard's measure). */
  depth: Scalars['Int']['output'];
  /** Why it failed, when it did. */
  errorMessage: Maybe<Scalars['String']['output']>;
  /** The STOP step's reason. */
  exitMessage: Maybe<Scalars['String']['output']>;
  /** Why a COMPLETED run ended early: STOPPED by a STOP step, GOAL_MET when the workflow's goal held. */
  exitReason: Maybe<WorkflowExecutionExitReason>;
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** One row per step attempt, by stepIndex unless ordered otherwise. */
  logs: WorkflowExecutionLogConnection;
  /**
   * The outputs of the steps with a key, by key, as later steps read them
   * ({{steps.<key>.output.<field>}}). A step in a loop shows its latest item's output.
   */
  outputs: Scalars['Map']['output'];
  /** The run: 1, then one more per retry from the start. */
  run: Scalars['Int']['output'];
  /** When it may next be claimed (later than now while delayed or backing off). */
  runAt: Scalars['Time']['output'];
  /** When a worker first took the current run. */
  startedAt: Maybe<Scalars['Time']['output']>;
  /** Where it stands. */
  status: WorkflowExecutionStatus;
  /** The event's data as the run sees it (trigger.* in placeholders). */
  triggerData: Scalars['Map']['output'];
  /** The workflow. */
  workflow: Workflow;
  /**
   * The workflow's ID.
   * @deprecated Use workflowId: the API spells ids ...Id everywhere.
   */
  workflowID: Scalars['ID']['output'];
  /** The workflow's ID. */
  workflowId: Scalars['ID']['output'];
  /** The workflow version the execution runs (pinned when it was created). */
  workflowVersion: Scalars['Int']['output'];
};


/** One run of a workflow for one event, advanced by the engine step by step. */
export type WorkflowExecutionLogsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowExecutionLogOrder>>;
  where?: InputMaybe<WorkflowExecutionLogWhereInput>;
};

/** A connection to a list of items. */
export type WorkflowExecutionConnection = {
  __typename?: 'WorkflowExecutionConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<WorkflowExecutionEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type WorkflowExecutionEdge = {
  __typename?: 'WorkflowExecutionEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<WorkflowExecution>;
};

/** Why a COMPLETED execution ended before its last step. */
export type WorkflowExecutionExitReason =
  /** The workflow's goal held: when the client changed or before a step. */
  | 'GOAL_MET'
  /** A STOP step ran (exitMessage holds its reason). */
  | 'STOPPED';

/** One attempt of one step of an execution. */
export type WorkflowExecutionLog = Node & {
  __typename?: 'WorkflowExecutionLog';
  /** The step's type. */
  actionType: ActionType;
  /** The try number, from 1. */
  attempt: Scalars['Int']['output'];
  /** The IF or SWITCH branch the step is in (then, else, a case's name, default). */
  branch: Maybe<Scalars['String']['output']>;
  /** How long the attempt took. */
  durationMs: Scalars['Int']['output'];
  /** Why it failed, when it did. */
  errorMessage: Maybe<Scalars['String']['output']>;
  /** When the attempt started. */
  executedAt: Scalars['Time']['output'];
  /** The execution. */
  execution: WorkflowExecution;
  /**
   * The execution's ID.
   * @deprecated Use executionId: the API spells ids ...Id everywhere.
   */
  executionID: Scalars['ID']['output'];
  /** The execution's ID. */
  executionId: Scalars['ID']['output'];
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** The step's rendered config (secrets shown as ***), capped at 16 KiB. */
  inputData: Maybe<Scalars['Map']['output']>;
  /** The loop item the step ran for (null outside loops). */
  iteration: Maybe<Scalars['Int']['output']>;
  /** What the step produced or why it did not run, capped at 16 KiB. */
  outputData: Maybe<Scalars['Map']['output']>;
  /** The step's JSON pointer in the definition, e.g. /actions/1/then/0. */
  path: Scalars['String']['output'];
  /** The execution's run the attempt belongs to. */
  run: Scalars['Int']['output'];
  /** Where it stands. */
  status: WorkflowExecutionLogStatus;
  /** The step's position in the execution's compiled step list (its index among the actions for a straight list). */
  stepIndex: Scalars['Int']['output'];
  /** The step's key, if it has one. */
  stepKey: Maybe<Scalars['String']['output']>;
};

/** A connection to a list of items. */
export type WorkflowExecutionLogConnection = {
  __typename?: 'WorkflowExecutionLogConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<WorkflowExecutionLogEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type WorkflowExecutionLogEdge = {
  __typename?: 'WorkflowExecutionLogEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<WorkflowExecutionLog>;
};

/** Ordering options for WorkflowExecutionLog connections */
export type WorkflowExecutionLogOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order WorkflowExecutionLogs. */
  field: WorkflowExecutionLogOrderField;
};

/** Properties by which WorkflowExecutionLog connections can be ordered. */
export type WorkflowExecutionLogOrderField =
  /** Order by executed at. */
  | 'EXECUTED_AT'
  /** Order by status. */
  | 'STATUS'
  /** Order by step index. */
  | 'STEP_INDEX';

/** How one attempt of a step ended. */
export type WorkflowExecutionLogStatus =
  /** It failed (errorMessage says why); it may be retried. */
  | 'FAILED'
  /** It did not run: the conditions did not pass. */
  | 'SKIPPED'
  /** It ran. */
  | 'SUCCESS';

/** Filters WorkflowExecutionLog objects: every field given must hold. */
export type WorkflowExecutionLogWhereInput = {
  /** actionType equals the value. */
  actionType?: InputMaybe<ActionType>;
  /** actionType is one of the values. */
  actionTypeIn?: InputMaybe<Array<ActionType>>;
  /** actionType is not the value. */
  actionTypeNEQ?: InputMaybe<ActionType>;
  /** actionType is none of the values. */
  actionTypeNotIn?: InputMaybe<Array<ActionType>>;
  /** Holds when every filter does. */
  and?: InputMaybe<Array<WorkflowExecutionLogWhereInput>>;
  /** attempt equals the value. */
  attempt?: InputMaybe<Scalars['Int']['input']>;
  /** attempt is greater than the value. */
  attemptGT?: InputMaybe<Scalars['Int']['input']>;
  /** attempt is at least the value. */
  attemptGTE?: InputMaybe<Scalars['Int']['input']>;
  /** attempt is one of the values. */
  attemptIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** attempt is less than the value. */
  attemptLT?: InputMaybe<Scalars['Int']['input']>;
  /** attempt is at most the value. */
  attemptLTE?: InputMaybe<Scalars['Int']['input']>;
  /** attempt is not the value. */
  attemptNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** attempt is none of the values. */
  attemptNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** branch equals the value. */
  branch?: InputMaybe<Scalars['String']['input']>;
  /** branch contains the text. */
  branchContains?: InputMaybe<Scalars['String']['input']>;
  /** branch contains the text, ignoring case. */
  branchContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** branch equals the text, ignoring case. */
  branchEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** branch is greater than the value. */
  branchGT?: InputMaybe<Scalars['String']['input']>;
  /** branch is at least the value. */
  branchGTE?: InputMaybe<Scalars['String']['input']>;
  /** branch starts with the text. */
  branchHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** branch ends with the text. */
  branchHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** branch is one of the values. */
  branchIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** branch is not set. */
  branchIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** branch is less than the value. */
  branchLT?: InputMaybe<Scalars['String']['input']>;
  /** branch is at most the value. */
  branchLTE?: InputMaybe<Scalars['String']['input']>;
  /** branch is not the value. */
  branchNEQ?: InputMaybe<Scalars['String']['input']>;
  /** branch is none of the values. */
  branchNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** branch is set. */
  branchNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** durationMs equals the value. */
  durationMs?: InputMaybe<Scalars['Int']['input']>;
  /** durationMs is greater than the value. */
  durationMsGT?: InputMaybe<Scalars['Int']['input']>;
  /** durationMs is at least the value. */
  durationMsGTE?: InputMaybe<Scalars['Int']['input']>;
  /** durationMs is one of the values. */
  durationMsIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** durationMs is less than the value. */
  durationMsLT?: InputMaybe<Scalars['Int']['input']>;
  /** durationMs is at most the value. */
  durationMsLTE?: InputMaybe<Scalars['Int']['input']>;
  /** durationMs is not the value. */
  durationMsNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** durationMs is none of the values. */
  durationMsNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** errorMessage equals the value. */
  errorMessage?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage contains the text. */
  errorMessageContains?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage contains the text, ignoring case. */
  errorMessageContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage equals the text, ignoring case. */
  errorMessageEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is greater than the value. */
  errorMessageGT?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is at least the value. */
  errorMessageGTE?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage starts with the text. */
  errorMessageHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage ends with the text. */
  errorMessageHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is one of the values. */
  errorMessageIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** errorMessage is not set. */
  errorMessageIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** errorMessage is less than the value. */
  errorMessageLT?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is at most the value. */
  errorMessageLTE?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is not the value. */
  errorMessageNEQ?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is none of the values. */
  errorMessageNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** errorMessage is set. */
  errorMessageNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** executedAt equals the value. */
  executedAt?: InputMaybe<Scalars['Time']['input']>;
  /** executedAt is greater than the value. */
  executedAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** executedAt is at least the value. */
  executedAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** executedAt is one of the values. */
  executedAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** executedAt is less than the value. */
  executedAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** executedAt is at most the value. */
  executedAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** executedAt is not the value. */
  executedAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** executedAt is none of the values. */
  executedAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /**
   * executionID equals the value.
   * @deprecated Use executionId: the API spells ids ...Id everywhere.
   */
  executionID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * executionID is one of the values.
   * @deprecated Use executionIdIn: the API spells ids ...Id everywhere.
   */
  executionIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * executionID is not the value.
   * @deprecated Use executionIdNEQ: the API spells ids ...Id everywhere.
   */
  executionIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * executionID is none of the values.
   * @deprecated Use executionIdNotIn: the API spells ids ...Id everywhere.
   */
  executionIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** executionId equals the value. */
  executionId?: InputMaybe<Scalars['ID']['input']>;
  /** executionId is one of the values. */
  executionIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** executionId is not the value. */
  executionIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** executionId is none of the values. */
  executionIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Has at least one Execution edge. */
  hasExecution?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Execution edge that matches one of the filters. */
  hasExecutionWith?: InputMaybe<Array<WorkflowExecutionWhereInput>>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** iteration equals the value. */
  iteration?: InputMaybe<Scalars['Int']['input']>;
  /** iteration is greater than the value. */
  iterationGT?: InputMaybe<Scalars['Int']['input']>;
  /** iteration is at least the value. */
  iterationGTE?: InputMaybe<Scalars['Int']['input']>;
  /** iteration is one of the values. */
  iterationIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** iteration is not set. */
  iterationIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** iteration is less than the value. */
  iterationLT?: InputMaybe<Scalars['Int']['input']>;
  /** iteration is at most the value. */
  iterationLTE?: InputMaybe<Scalars['Int']['input']>;
  /** iteration is not the value. */
  iterationNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** iteration is none of the values. */
  iterationNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** iteration is set. */
  iterationNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<WorkflowExecutionLogWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<WorkflowExecutionLogWhereInput>>;
  /** path equals the value. */
  path?: InputMaybe<Scalars['String']['input']>;
  /** path contains the text. */
  pathContains?: InputMaybe<Scalars['String']['input']>;
  /** path contains the text, ignoring case. */
  pathContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** path equals the text, ignoring case. */
  pathEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** path is greater than the value. */
  pathGT?: InputMaybe<Scalars['String']['input']>;
  /** path is at least the value. */
  pathGTE?: InputMaybe<Scalars['String']['input']>;
  /** path starts with the text. */
  pathHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** path ends with the text. */
  pathHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** path is one of the values. */
  pathIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** path is less than the value. */
  pathLT?: InputMaybe<Scalars['String']['input']>;
  /** path is at most the value. */
  pathLTE?: InputMaybe<Scalars['String']['input']>;
  /** path is not the value. */
  pathNEQ?: InputMaybe<Scalars['String']['input']>;
  /** path is none of the values. */
  pathNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** run equals the value. */
  run?: InputMaybe<Scalars['Int']['input']>;
  /** run is greater than the value. */
  runGT?: InputMaybe<Scalars['Int']['input']>;
  /** run is at least the value. */
  runGTE?: InputMaybe<Scalars['Int']['input']>;
  /** run is one of the values. */
  runIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** run is less than the value. */
  runLT?: InputMaybe<Scalars['Int']['input']>;
  /** run is at most the value. */
  runLTE?: InputMaybe<Scalars['Int']['input']>;
  /** run is not the value. */
  runNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** run is none of the values. */
  runNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** status equals the value. */
  status?: InputMaybe<WorkflowExecutionLogStatus>;
  /** status is one of the values. */
  statusIn?: InputMaybe<Array<WorkflowExecutionLogStatus>>;
  /** status is not the value. */
  statusNEQ?: InputMaybe<WorkflowExecutionLogStatus>;
  /** status is none of the values. */
  statusNotIn?: InputMaybe<Array<WorkflowExecutionLogStatus>>;
  /** stepIndex equals the value. */
  stepIndex?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is greater than the value. */
  stepIndexGT?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is at least the value. */
  stepIndexGTE?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is one of the values. */
  stepIndexIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** stepIndex is less than the value. */
  stepIndexLT?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is at most the value. */
  stepIndexLTE?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is not the value. */
  stepIndexNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** stepIndex is none of the values. */
  stepIndexNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** stepKey equals the value. */
  stepKey?: InputMaybe<Scalars['String']['input']>;
  /** stepKey contains the text. */
  stepKeyContains?: InputMaybe<Scalars['String']['input']>;
  /** stepKey contains the text, ignoring case. */
  stepKeyContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** stepKey equals the text, ignoring case. */
  stepKeyEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** stepKey is greater than the value. */
  stepKeyGT?: InputMaybe<Scalars['String']['input']>;
  /** stepKey is at least the value. */
  stepKeyGTE?: InputMaybe<Scalars['String']['input']>;
  /** stepKey starts with the text. */
  stepKeyHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** stepKey ends with the text. */
  stepKeyHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** stepKey is one of the values. */
  stepKeyIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** stepKey is not set. */
  stepKeyIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** stepKey is less than the value. */
  stepKeyLT?: InputMaybe<Scalars['String']['input']>;
  /** stepKey is at most the value. */
  stepKeyLTE?: InputMaybe<Scalars['String']['input']>;
  /** stepKey is not the value. */
  stepKeyNEQ?: InputMaybe<Scalars['String']['input']>;
  /** stepKey is none of the values. */
  stepKeyNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** stepKey is set. */
  stepKeyNotNil?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Ordering options for WorkflowExecution connections */
export type WorkflowExecutionOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order WorkflowExecutions. */
  field: WorkflowExecutionOrderField;
};

/** Properties by which WorkflowExecution connections can be ordered. */
export type WorkflowExecutionOrderField =
  /** Order by completed at. */
  | 'COMPLETED_AT'
  /** Order by created at. */
  | 'CREATED_AT'
  /** Order by run at. */
  | 'RUN_AT'
  /** Order by started at. */
  | 'STARTED_AT'
  /** Order by status. */
  | 'STATUS';

/** Where an execution is. */
export type WorkflowExecutionStatus =
  /** Cancelled by cancelExecution. */
  | 'CANCELLED'
  /** Ended after its last step, a STOP, or conditions that did not pass. */
  | 'COMPLETED'
  /** Ended by a failing step, a timeout or the loop guard. */
  | 'FAILED'
  /** Waiting for a worker (new, delayed, or backing off before a retry). */
  | 'PENDING'
  /** Held by a worker. */
  | 'RUNNING';

/** Filters WorkflowExecution objects: every field given must hold. */
export type WorkflowExecutionWhereInput = {
  /** Holds when every filter does. */
  and?: InputMaybe<Array<WorkflowExecutionWhereInput>>;
  /**
   * clientID equals the value.
   * @deprecated Use clientId: the API spells ids ...Id everywhere.
   */
  clientID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is one of the values.
   * @deprecated Use clientIdIn: the API spells ids ...Id everywhere.
   */
  clientIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * clientID is not set.
   * @deprecated Use clientIdIsNil: the API spells ids ...Id everywhere.
   */
  clientIDIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * clientID is not the value.
   * @deprecated Use clientIdNEQ: the API spells ids ...Id everywhere.
   */
  clientIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * clientID is none of the values.
   * @deprecated Use clientIdNotIn: the API spells ids ...Id everywhere.
   */
  clientIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * clientID is set.
   * @deprecated Use clientIdNotNil: the API spells ids ...Id everywhere.
   */
  clientIDNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** clientId equals the value. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is one of the values. */
  clientIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId is not set. */
  clientIdIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** clientId is not the value. */
  clientIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** clientId is none of the values. */
  clientIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** clientId is set. */
  clientIdNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** completedAt equals the value. */
  completedAt?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is greater than the value. */
  completedAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is at least the value. */
  completedAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is one of the values. */
  completedAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** completedAt is not set. */
  completedAtIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** completedAt is less than the value. */
  completedAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is at most the value. */
  completedAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is not the value. */
  completedAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** completedAt is none of the values. */
  completedAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** completedAt is set. */
  completedAtNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** createdAt equals the value. */
  createdAt?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is greater than the value. */
  createdAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at least the value. */
  createdAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is one of the values. */
  createdAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** createdAt is less than the value. */
  createdAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at most the value. */
  createdAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is not the value. */
  createdAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is none of the values. */
  createdAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** currentStep equals the value. */
  currentStep?: InputMaybe<Scalars['Int']['input']>;
  /** currentStep is greater than the value. */
  currentStepGT?: InputMaybe<Scalars['Int']['input']>;
  /** currentStep is at least the value. */
  currentStepGTE?: InputMaybe<Scalars['Int']['input']>;
  /** currentStep is one of the values. */
  currentStepIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** currentStep is less than the value. */
  currentStepLT?: InputMaybe<Scalars['Int']['input']>;
  /** currentStep is at most the value. */
  currentStepLTE?: InputMaybe<Scalars['Int']['input']>;
  /** currentStep is not the value. */
  currentStepNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** currentStep is none of the values. */
  currentStepNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** errorMessage equals the value. */
  errorMessage?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage contains the text. */
  errorMessageContains?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage contains the text, ignoring case. */
  errorMessageContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage equals the text, ignoring case. */
  errorMessageEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is greater than the value. */
  errorMessageGT?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is at least the value. */
  errorMessageGTE?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage starts with the text. */
  errorMessageHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage ends with the text. */
  errorMessageHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is one of the values. */
  errorMessageIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** errorMessage is not set. */
  errorMessageIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** errorMessage is less than the value. */
  errorMessageLT?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is at most the value. */
  errorMessageLTE?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is not the value. */
  errorMessageNEQ?: InputMaybe<Scalars['String']['input']>;
  /** errorMessage is none of the values. */
  errorMessageNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** errorMessage is set. */
  errorMessageNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** exitMessage equals the value. */
  exitMessage?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage contains the text. */
  exitMessageContains?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage contains the text, ignoring case. */
  exitMessageContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage equals the text, ignoring case. */
  exitMessageEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage is greater than the value. */
  exitMessageGT?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage is at least the value. */
  exitMessageGTE?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage starts with the text. */
  exitMessageHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage ends with the text. */
  exitMessageHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage is one of the values. */
  exitMessageIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** exitMessage is not set. */
  exitMessageIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** exitMessage is less than the value. */
  exitMessageLT?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage is at most the value. */
  exitMessageLTE?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage is not the value. */
  exitMessageNEQ?: InputMaybe<Scalars['String']['input']>;
  /** exitMessage is none of the values. */
  exitMessageNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** exitMessage is set. */
  exitMessageNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** exitReason equals the value. */
  exitReason?: InputMaybe<WorkflowExecutionExitReason>;
  /** exitReason is one of the values. */
  exitReasonIn?: InputMaybe<Array<WorkflowExecutionExitReason>>;
  /** exitReason is not set. */
  exitReasonIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** exitReason is not the value. */
  exitReasonNEQ?: InputMaybe<WorkflowExecutionExitReason>;
  /** exitReason is none of the values. */
  exitReasonNotIn?: InputMaybe<Array<WorkflowExecutionExitReason>>;
  /** exitReason is set. */
  exitReasonNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * FAILED executions whose failing step (the last FAILED attempt of the current run) is of
   * this type.
   */
  failedActionType?: InputMaybe<ActionType>;
  /** Has at least one Client edge. */
  hasClient?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Client edge that matches one of the filters. */
  hasClientWith?: InputMaybe<Array<ClientWhereInput>>;
  /** Has at least one Logs edge. */
  hasLogs?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Logs edge that matches one of the filters. */
  hasLogsWith?: InputMaybe<Array<WorkflowExecutionLogWhereInput>>;
  /** Has at least one Workflow edge. */
  hasWorkflow?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Workflow edge that matches one of the filters. */
  hasWorkflowWith?: InputMaybe<Array<WorkflowWhereInput>>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<WorkflowExecutionWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<WorkflowExecutionWhereInput>>;
  /** run equals the value. */
  run?: InputMaybe<Scalars['Int']['input']>;
  /** run is greater than the value. */
  runGT?: InputMaybe<Scalars['Int']['input']>;
  /** run is at least the value. */
  runGTE?: InputMaybe<Scalars['Int']['input']>;
  /** run is one of the values. */
  runIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** run is less than the value. */
  runLT?: InputMaybe<Scalars['Int']['input']>;
  /** run is at most the value. */
  runLTE?: InputMaybe<Scalars['Int']['input']>;
  /** run is not the value. */
  runNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** run is none of the values. */
  runNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** startedAt equals the value. */
  startedAt?: InputMaybe<Scalars['Time']['input']>;
  /** startedAt is greater than the value. */
  startedAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** startedAt is at least the value. */
  startedAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** startedAt is one of the values. */
  startedAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** startedAt is not set. */
  startedAtIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** startedAt is less than the value. */
  startedAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** startedAt is at most the value. */
  startedAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** startedAt is not the value. */
  startedAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** startedAt is none of the values. */
  startedAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** startedAt is set. */
  startedAtNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** status equals the value. */
  status?: InputMaybe<WorkflowExecutionStatus>;
  /** status is one of the values. */
  statusIn?: InputMaybe<Array<WorkflowExecutionStatus>>;
  /** status is not the value. */
  statusNEQ?: InputMaybe<WorkflowExecutionStatus>;
  /** status is none of the values. */
  statusNotIn?: InputMaybe<Array<WorkflowExecutionStatus>>;
  /**
   * Executions started by this kind of event (the type recorded in triggerData when the
   * execution was created).
   */
  triggerType?: InputMaybe<TriggerType>;
  /**
   * workflowID equals the value.
   * @deprecated Use workflowId: the API spells ids ...Id everywhere.
   */
  workflowID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * workflowID is one of the values.
   * @deprecated Use workflowIdIn: the API spells ids ...Id everywhere.
   */
  workflowIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * workflowID is not the value.
   * @deprecated Use workflowIdNEQ: the API spells ids ...Id everywhere.
   */
  workflowIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * workflowID is none of the values.
   * @deprecated Use workflowIdNotIn: the API spells ids ...Id everywhere.
   */
  workflowIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** workflowId equals the value. */
  workflowId?: InputMaybe<Scalars['ID']['input']>;
  /** workflowId is one of the values. */
  workflowIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** workflowId is not the value. */
  workflowIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** workflowId is none of the values. */
  workflowIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Ordering options for Workflow connections */
export type WorkflowOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order Workflows. */
  field: WorkflowOrderField;
};

/** Properties by which Workflow connections can be ordered. */
export type WorkflowOrderField =
  /** Order by created at. */
  | 'CREATED_AT'
  /** Order by name. */
  | 'NAME'
  /** Order by trigger type. */
  | 'TRIGGER_TYPE'
  /** Order by updated at. */
  | 'UPDATED_AT';

/**
 * Statistics of the executions created in a window, computed by the database. Only executions
 * the caller may read are counted.
 */
export type WorkflowStats = {
  __typename?: 'WorkflowStats';
  /** Executions by status. */
  counts: ExecutionStatusCounts;
  /**
   * Median of completedAt - startedAt in milliseconds over COMPLETED and FAILED executions,
   * interpolated like PostgreSQL's percentile_cont (whole milliseconds on SQLite); null when
   * none finished.
   */
  durationP50Ms: Maybe<Scalars['Float']['output']>;
  /** 95th percentile of the same durations in milliseconds. */
  durationP95Ms: Maybe<Scalars['Float']['output']>;
  /** Goal conversions: executions of the window that ended COMPLETED with exitReason GOAL_MET. */
  goalConversions: Scalars['Int']['output'];
  /** The most recently created execution of the window, if any. */
  lastRun: Maybe<StatsLastRun>;
  /** Executions per bucket of createdAt and status, one point per bucket of the window (zeros included). */
  series: Array<StatsPoint>;
  /**
   * Triggers in the window that an enrollment rule skipped (a ONCE workflow the client already
   * ran, or a ONE_ACTIVE workflow with a run of the client still PENDING or RUNNING).
   */
  skippedEnrollments: Scalars['Int']['output'];
  /** Per step: attempts, failures and median duration, by workflow and step order (at most 500). */
  steps: Array<StepStats>;
  /** COMPLETED / (COMPLETED + FAILED), from 0 to 1; null when none finished. */
  successRate: Maybe<Scalars['Float']['output']>;
  /**
   * The 10 workflows with the most FAILED executions in the window (most first); null when
   * workflowId was given.
   */
  topFailing: Maybe<Array<FailingWorkflow>>;
};

/** Parts of a template's definition to replace when creating a workflow from it. */
export type WorkflowTemplateOverrides = {
  /** Steps instead of the template's. */
  actions?: InputMaybe<Array<WorkflowActionInput>>;
  /** Conditions instead of the template's. */
  conditions?: InputMaybe<Scalars['Map']['input']>;
  /** A description instead of the template's. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** An enrollment rule instead of the template's. */
  enrollment?: InputMaybe<Scalars['Map']['input']>;
  /** A goal instead of the template's. */
  goal?: InputMaybe<Scalars['Map']['input']>;
  /** Trigger filters instead of the template's. */
  triggerConfig?: InputMaybe<Scalars['Map']['input']>;
};

/** At most limit executions of one key start per period; the others start in a later window. */
export type WorkflowThrottle = {
  __typename?: 'WorkflowThrottle';
  /** The key, a placeholder template such as "{{client.id}}" (the default when null). */
  key: Maybe<Scalars['String']['output']>;
  /** How many may start per window and key (1 to 100000). */
  limit: Scalars['Int']['output'];
  /** The window: a duration from 1s to 24h, such as "1h"; windows are aligned (whole minutes, hours of UTC). */
  period: Scalars['String']['output'];
};

/** Throttle of a definition (see WorkflowThrottle). */
export type WorkflowThrottleInput = {
  /** The key, a placeholder template; left out: "{{client.id}}". */
  key?: InputMaybe<Scalars['String']['input']>;
  /** How many may start per window and key (1 to 100000). */
  limit: Scalars['Int']['input'];
  /** The window (1s to 24h), such as "1h". */
  period: Scalars['String']['input'];
};

/** An immutable snapshot of a workflow's definition, made by every change of it. */
export type WorkflowVersion = Node & {
  __typename?: 'WorkflowVersion';
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** The user who created it. */
  createdBy: User;
  /**
   * The ID of the user who created it.
   * @deprecated Use createdById: the API spells ids ...Id everywhere.
   */
  createdByID: Scalars['ID']['output'];
  /** The ID of the user who created it. */
  createdById: Scalars['ID']['output'];
  /** The definition as it was: triggerType, triggerConfig, conditions, actions. */
  definition: WorkflowDefinition;
  /** The object's ID, a UUID; node(id:) finds it. */
  id: Scalars['ID']['output'];
  /** The version number. */
  version: Scalars['Int']['output'];
  /** The workflow. */
  workflow: Workflow;
  /**
   * The workflow's ID.
   * @deprecated Use workflowId: the API spells ids ...Id everywhere.
   */
  workflowID: Scalars['ID']['output'];
  /** The workflow's ID. */
  workflowId: Scalars['ID']['output'];
};

/** A connection to a list of items. */
export type WorkflowVersionConnection = {
  __typename?: 'WorkflowVersionConnection';
  /** A list of edges. */
  edges: Maybe<Array<Maybe<WorkflowVersionEdge>>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** Identifies the total count of items in the connection. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type WorkflowVersionEdge = {
  __typename?: 'WorkflowVersionEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['Cursor']['output'];
  /** The item at the end of the edge. */
  node: Maybe<WorkflowVersion>;
};

/** Ordering options for WorkflowVersion connections */
export type WorkflowVersionOrder = {
  /** The ordering direction. */
  direction?: OrderDirection;
  /** The field by which to order WorkflowVersions. */
  field: WorkflowVersionOrderField;
};

/** Properties by which WorkflowVersion connections can be ordered. */
export type WorkflowVersionOrderField =
  /** Order by created at. */
  | 'CREATED_AT'
  /** Order by version. */
  | 'VERSION';

/** Filters WorkflowVersion objects: every field given must hold. */
export type WorkflowVersionWhereInput = {
  /** Holds when every filter does. */
  and?: InputMaybe<Array<WorkflowVersionWhereInput>>;
  /** createdAt equals the value. */
  createdAt?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is greater than the value. */
  createdAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at least the value. */
  createdAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is one of the values. */
  createdAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** createdAt is less than the value. */
  createdAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at most the value. */
  createdAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is not the value. */
  createdAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is none of the values. */
  createdAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /**
   * createdByID equals the value.
   * @deprecated Use createdById: the API spells ids ...Id everywhere.
   */
  createdByID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * createdByID is one of the values.
   * @deprecated Use createdByIdIn: the API spells ids ...Id everywhere.
   */
  createdByIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * createdByID is not the value.
   * @deprecated Use createdByIdNEQ: the API spells ids ...Id everywhere.
   */
  createdByIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * createdByID is none of the values.
   * @deprecated Use createdByIdNotIn: the API spells ids ...Id everywhere.
   */
  createdByIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** createdById equals the value. */
  createdById?: InputMaybe<Scalars['ID']['input']>;
  /** createdById is one of the values. */
  createdByIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** createdById is not the value. */
  createdByIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** createdById is none of the values. */
  createdByIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Has at least one CreatedBy edge. */
  hasCreatedBy?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a CreatedBy edge that matches one of the filters. */
  hasCreatedByWith?: InputMaybe<Array<UserWhereInput>>;
  /** Has at least one Workflow edge. */
  hasWorkflow?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Workflow edge that matches one of the filters. */
  hasWorkflowWith?: InputMaybe<Array<WorkflowWhereInput>>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<WorkflowVersionWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<WorkflowVersionWhereInput>>;
  /** version equals the value. */
  version?: InputMaybe<Scalars['Int']['input']>;
  /** version is greater than the value. */
  versionGT?: InputMaybe<Scalars['Int']['input']>;
  /** version is at least the value. */
  versionGTE?: InputMaybe<Scalars['Int']['input']>;
  /** version is one of the values. */
  versionIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** version is less than the value. */
  versionLT?: InputMaybe<Scalars['Int']['input']>;
  /** version is at most the value. */
  versionLTE?: InputMaybe<Scalars['Int']['input']>;
  /** version is not the value. */
  versionNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** version is none of the values. */
  versionNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /**
   * workflowID equals the value.
   * @deprecated Use workflowId: the API spells ids ...Id everywhere.
   */
  workflowID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * workflowID is one of the values.
   * @deprecated Use workflowIdIn: the API spells ids ...Id everywhere.
   */
  workflowIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * workflowID is not the value.
   * @deprecated Use workflowIdNEQ: the API spells ids ...Id everywhere.
   */
  workflowIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * workflowID is none of the values.
   * @deprecated Use workflowIdNotIn: the API spells ids ...Id everywhere.
   */
  workflowIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** workflowId equals the value. */
  workflowId?: InputMaybe<Scalars['ID']['input']>;
  /** workflowId is one of the values. */
  workflowIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** workflowId is not the value. */
  workflowIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** workflowId is none of the values. */
  workflowIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Filters Workflow objects: every field given must hold. */
export type WorkflowWhereInput = {
  /** Holds when every filter does. */
  and?: InputMaybe<Array<WorkflowWhereInput>>;
  /** createdAt equals the value. */
  createdAt?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is greater than the value. */
  createdAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at least the value. */
  createdAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is one of the values. */
  createdAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** createdAt is less than the value. */
  createdAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is at most the value. */
  createdAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is not the value. */
  createdAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** createdAt is none of the values. */
  createdAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /**
   * createdByID equals the value.
   * @deprecated Use createdById: the API spells ids ...Id everywhere.
   */
  createdByID?: InputMaybe<Scalars['ID']['input']>;
  /**
   * createdByID is one of the values.
   * @deprecated Use createdByIdIn: the API spells ids ...Id everywhere.
   */
  createdByIDIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * createdByID is not the value.
   * @deprecated Use createdByIdNEQ: the API spells ids ...Id everywhere.
   */
  createdByIDNEQ?: InputMaybe<Scalars['ID']['input']>;
  /**
   * createdByID is none of the values.
   * @deprecated Use createdByIdNotIn: the API spells ids ...Id everywhere.
   */
  createdByIDNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** createdById equals the value. */
  createdById?: InputMaybe<Scalars['ID']['input']>;
  /** createdById is one of the values. */
  createdByIdIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** createdById is not the value. */
  createdByIdNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** createdById is none of the values. */
  createdByIdNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** description equals the value. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** description contains the text. */
  descriptionContains?: InputMaybe<Scalars['String']['input']>;
  /** description contains the text, ignoring case. */
  descriptionContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** description equals the text, ignoring case. */
  descriptionEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** description is greater than the value. */
  descriptionGT?: InputMaybe<Scalars['String']['input']>;
  /** description is at least the value. */
  descriptionGTE?: InputMaybe<Scalars['String']['input']>;
  /** description starts with the text. */
  descriptionHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** description ends with the text. */
  descriptionHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** description is one of the values. */
  descriptionIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** description is not set. */
  descriptionIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** description is less than the value. */
  descriptionLT?: InputMaybe<Scalars['String']['input']>;
  /** description is at most the value. */
  descriptionLTE?: InputMaybe<Scalars['String']['input']>;
  /** description is not the value. */
  descriptionNEQ?: InputMaybe<Scalars['String']['input']>;
  /** description is none of the values. */
  descriptionNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** description is set. */
  descriptionNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has at least one CreatedBy edge. */
  hasCreatedBy?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a CreatedBy edge that matches one of the filters. */
  hasCreatedByWith?: InputMaybe<Array<UserWhereInput>>;
  /** Has at least one Executions edge. */
  hasExecutions?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Executions edge that matches one of the filters. */
  hasExecutionsWith?: InputMaybe<Array<WorkflowExecutionWhereInput>>;
  /** Has at least one Versions edge. */
  hasVersions?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a Versions edge that matches one of the filters. */
  hasVersionsWith?: InputMaybe<Array<WorkflowVersionWhereInput>>;
  /** id equals the value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** id is greater than the value. */
  idGT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at least the value. */
  idGTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is one of the values. */
  idIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** id is less than the value. */
  idLT?: InputMaybe<Scalars['ID']['input']>;
  /** id is at most the value. */
  idLTE?: InputMaybe<Scalars['ID']['input']>;
  /** id is not the value. */
  idNEQ?: InputMaybe<Scalars['ID']['input']>;
  /** id is none of the values. */
  idNotIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** isActive equals the value. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** isActive is not the value. */
  isActiveNEQ?: InputMaybe<Scalars['Boolean']['input']>;
  /** isTemplate equals the value. */
  isTemplate?: InputMaybe<Scalars['Boolean']['input']>;
  /** isTemplate is not the value. */
  isTemplateNEQ?: InputMaybe<Scalars['Boolean']['input']>;
  /** name equals the value. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** name contains the text. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** name contains the text, ignoring case. */
  nameContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** name equals the text, ignoring case. */
  nameEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** name is greater than the value. */
  nameGT?: InputMaybe<Scalars['String']['input']>;
  /** name is at least the value. */
  nameGTE?: InputMaybe<Scalars['String']['input']>;
  /** name starts with the text. */
  nameHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** name ends with the text. */
  nameHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** name is one of the values. */
  nameIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** name is less than the value. */
  nameLT?: InputMaybe<Scalars['String']['input']>;
  /** name is at most the value. */
  nameLTE?: InputMaybe<Scalars['String']['input']>;
  /** name is not the value. */
  nameNEQ?: InputMaybe<Scalars['String']['input']>;
  /** name is none of the values. */
  nameNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Holds when the inner filter does not. */
  not?: InputMaybe<WorkflowWhereInput>;
  /** Holds when any filter does. */
  or?: InputMaybe<Array<WorkflowWhereInput>>;
  /** templateKey equals the value. */
  templateKey?: InputMaybe<Scalars['String']['input']>;
  /** templateKey contains the text. */
  templateKeyContains?: InputMaybe<Scalars['String']['input']>;
  /** templateKey contains the text, ignoring case. */
  templateKeyContainsFold?: InputMaybe<Scalars['String']['input']>;
  /** templateKey equals the text, ignoring case. */
  templateKeyEqualFold?: InputMaybe<Scalars['String']['input']>;
  /** templateKey is greater than the value. */
  templateKeyGT?: InputMaybe<Scalars['String']['input']>;
  /** templateKey is at least the value. */
  templateKeyGTE?: InputMaybe<Scalars['String']['input']>;
  /** templateKey starts with the text. */
  templateKeyHasPrefix?: InputMaybe<Scalars['String']['input']>;
  /** templateKey ends with the text. */
  templateKeyHasSuffix?: InputMaybe<Scalars['String']['input']>;
  /** templateKey is one of the values. */
  templateKeyIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** templateKey is not set. */
  templateKeyIsNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** templateKey is less than the value. */
  templateKeyLT?: InputMaybe<Scalars['String']['input']>;
  /** templateKey is at most the value. */
  templateKeyLTE?: InputMaybe<Scalars['String']['input']>;
  /** templateKey is not the value. */
  templateKeyNEQ?: InputMaybe<Scalars['String']['input']>;
  /** templateKey is none of the values. */
  templateKeyNotIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** templateKey is set. */
  templateKeyNotNil?: InputMaybe<Scalars['Boolean']['input']>;
  /** triggerType equals the value. */
  triggerType?: InputMaybe<TriggerType>;
  /** triggerType is one of the values. */
  triggerTypeIn?: InputMaybe<Array<TriggerType>>;
  /** triggerType is not the value. */
  triggerTypeNEQ?: InputMaybe<TriggerType>;
  /** triggerType is none of the values. */
  triggerTypeNotIn?: InputMaybe<Array<TriggerType>>;
  /** updatedAt equals the value. */
  updatedAt?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is greater than the value. */
  updatedAtGT?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is at least the value. */
  updatedAtGTE?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is one of the values. */
  updatedAtIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** updatedAt is less than the value. */
  updatedAtLT?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is at most the value. */
  updatedAtLTE?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is not the value. */
  updatedAtNEQ?: InputMaybe<Scalars['Time']['input']>;
  /** updatedAt is none of the values. */
  updatedAtNotIn?: InputMaybe<Array<Scalars['Time']['input']>>;
  /** version equals the value. */
  version?: InputMaybe<Scalars['Int']['input']>;
  /** version is greater than the value. */
  versionGT?: InputMaybe<Scalars['Int']['input']>;
  /** version is at least the value. */
  versionGTE?: InputMaybe<Scalars['Int']['input']>;
  /** version is one of the values. */
  versionIn?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** version is less than the value. */
  versionLT?: InputMaybe<Scalars['Int']['input']>;
  /** version is at most the value. */
  versionLTE?: InputMaybe<Scalars['Int']['input']>;
  /** version is not the value. */
  versionNEQ?: InputMaybe<Scalars['Int']['input']>;
  /** version is none of the values. */
  versionNotIn?: InputMaybe<Array<Scalars['Int']['input']>>;
};

export type CreateClientMutationVariables = Exact<{
  input: CreateClientInput;
}>;


export type CreateClientMutation = { __typename?: 'Mutation', createClient: { __typename?: 'Client', id: string, name: string, email: string, status: ClientStatus, tags: Array<string> } };

export type ExecutionFieldsFragment = { __typename?: 'WorkflowExecution', id: string, status: WorkflowExecutionStatus, currentStep: number, run: number, errorMessage: string | null, exitReason: WorkflowExecutionExitReason | null, exitMessage: string | null, startedAt: string | null, completedAt: string | null, outputs: Record<string, unknown> };

export type TriggerWorkflowMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  clientId?: InputMaybe<Scalars['ID']['input']>;
  data?: InputMaybe<Scalars['Map']['input']>;
}>;


export type TriggerWorkflowMutation = { __typename?: 'Mutation', triggerWorkflow: { __typename?: 'WorkflowExecution', id: string, status: WorkflowExecutionStatus, currentStep: number, run: number, errorMessage: string | null, exitReason: WorkflowExecutionExitReason | null, exitMessage: string | null, startedAt: string | null, completedAt: string | null, outputs: Record<string, unknown> } };

export type GetExecutionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  logs?: InputMaybe<Scalars['Int']['input']>;
}>;


export type GetExecutionQuery = { __typename?: 'Query', node: { __typename?: 'Activity' } | { __typename?: 'ApiToken' } | { __typename?: 'Client' } | { __typename?: 'Document' } | { __typename?: 'Email' } | { __typename?: 'Task' } | { __typename?: 'User' } | { __typename?: 'Workflow' } | { __typename?: 'WorkflowExecution', id: string, status: WorkflowExecutionStatus, currentStep: number, run: number, errorMessage: string | null, exitReason: WorkflowExecutionExitReason | null, exitMessage: string | null, startedAt: string | null, completedAt: string | null, outputs: Record<string, unknown>, logs: { __typename?: 'WorkflowExecutionLogConnection', edges: Array<{ __typename?: 'WorkflowExecutionLogEdge', node: { __typename?: 'WorkflowExecutionLog', stepIndex: number, path: string, stepKey: string | null, iteration: number | null, branch: string | null, run: number, actionType: ActionType, status: WorkflowExecutionLogStatus, attempt: number, inputData: Record<string, unknown> | null, outputData: Record<string, unknown> | null, errorMessage: string | null, durationMs: number, executedAt: string } | null } | null> | null } } | { __typename?: 'WorkflowExecutionLog' } | { __typename?: 'WorkflowVersion' } | null };

export type CancelExecutionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelExecutionMutation = { __typename?: 'Mutation', cancelExecution: { __typename?: 'WorkflowExecution', id: string, status: WorkflowExecutionStatus, currentStep: number, run: number, errorMessage: string | null, exitReason: WorkflowExecutionExitReason | null, exitMessage: string | null, startedAt: string | null, completedAt: string | null, outputs: Record<string, unknown> } };

export type RetryExecutionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  from?: InputMaybe<RetryFrom>;
}>;


export type RetryExecutionMutation = { __typename?: 'Mutation', retryExecution: { __typename?: 'WorkflowExecution', id: string, status: WorkflowExecutionStatus, currentStep: number, run: number, errorMessage: string | null, exitReason: WorkflowExecutionExitReason | null, exitMessage: string | null, startedAt: string | null, completedAt: string | null, outputs: Record<string, unknown> } };

export type ExecutionUpdatedSubscriptionVariables = Exact<{
  workflowId?: InputMaybe<Scalars['ID']['input']>;
  executionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<WorkflowExecutionStatus> | WorkflowExecutionStatus>;
}>;


export type ExecutionUpdatedSubscription = { __typename?: 'Subscription', executionUpdated: { __typename?: 'WorkflowExecution', id: string, status: WorkflowExecutionStatus, currentStep: number, run: number, errorMessage: string | null, exitReason: WorkflowExecutionExitReason | null, exitMessage: string | null, startedAt: string | null, completedAt: string | null, outputs: Record<string, unknown>, workflow: { __typename?: 'Workflow', id: string, name: string } } };

export type ExecutionLogAddedSubscriptionVariables = Exact<{
  executionId?: InputMaybe<Scalars['ID']['input']>;
  workflowId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ExecutionLogAddedSubscription = { __typename?: 'Subscription', executionLogAdded: { __typename?: 'WorkflowExecutionLog', id: string, stepIndex: number, path: string, stepKey: string | null, run: number, actionType: ActionType, status: WorkflowExecutionLogStatus, attempt: number, errorMessage: string | null, durationMs: number, executedAt: string, execution: { __typename?: 'WorkflowExecution', id: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, email: string, name: string, role: Role } };

export type StepFieldsFragment = { __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError };

export type WorkflowFieldsFragment = { __typename?: 'Workflow', id: string, name: string, version: number, isActive: boolean, triggerType: TriggerType, triggerConfig: Record<string, unknown>, conditions: Record<string, unknown>, actions: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null, cases: Array<{ __typename?: 'WorkflowCase', name: string, conditions: Record<string, unknown>, actions: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> }> | null, default: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null }> };

export type ListWorkflowsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
}>;


export type ListWorkflowsQuery = { __typename?: 'Query', workflows: { __typename?: 'WorkflowConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename?: 'WorkflowEdge', node: { __typename?: 'Workflow', id: string, name: string, version: number, isActive: boolean, triggerType: TriggerType, triggerConfig: Record<string, unknown>, conditions: Record<string, unknown>, actions: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null, cases: Array<{ __typename?: 'WorkflowCase', name: string, conditions: Record<string, unknown>, actions: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> }> | null, default: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null }> } | null } | null> | null } };

export type GetWorkflowQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GetWorkflowQuery = { __typename?: 'Query', node: { __typename?: 'Activity' } | { __typename?: 'ApiToken' } | { __typename?: 'Client' } | { __typename?: 'Document' } | { __typename?: 'Email' } | { __typename?: 'Task' } | { __typename?: 'User' } | { __typename?: 'Workflow', id: string, name: string, version: number, isActive: boolean, triggerType: TriggerType, triggerConfig: Record<string, unknown>, conditions: Record<string, unknown>, actions: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null, cases: Array<{ __typename?: 'WorkflowCase', name: string, conditions: Record<string, unknown>, actions: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> }> | null, default: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null }> } | { __typename?: 'WorkflowExecution' } | { __typename?: 'WorkflowExecutionLog' } | { __typename?: 'WorkflowVersion' } | null };

export type CreateWorkflowMutationVariables = Exact<{
  input: CreateWorkflowInput;
}>;


export type CreateWorkflowMutation = { __typename?: 'Mutation', createWorkflow: { __typename?: 'Workflow', id: string, name: string, version: number, isActive: boolean, triggerType: TriggerType, triggerConfig: Record<string, unknown>, conditions: Record<string, unknown>, actions: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null, cases: Array<{ __typename?: 'WorkflowCase', name: string, conditions: Record<string, unknown>, actions: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> }> | null, default: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, body: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError, then: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null, else: Array<{ __typename?: 'WorkflowAction', key: string | null, type: ActionType, name: string | null, config: Record<string, unknown>, onError: OnError }> | null }> | null }> } };

export type ActivateWorkflowMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ActivateWorkflowMutation = { __typename?: 'Mutation', activateWorkflow: { __typename?: 'ActivationResult', warnings: Array<string>, workflow: { __typename?: 'Workflow', id: string, isActive: boolean } } };

export type SimulateWorkflowQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  sample: SimulationSampleInput;
}>;


export type SimulateWorkflowQuery = { __typename?: 'Query', simulateWorkflow: { __typename?: 'SimulationResult', triggerMatched: boolean, conditionsPassed: boolean, explanation: Record<string, unknown>, steps: Array<{ __typename?: 'SimulationStep', index: number, path: string, branch: string | null, iteration: number | null, type: ActionType, effect: string, renderedConfig: Record<string, unknown> | null, details: Record<string, unknown> | null, error: string | null }> } };

export type WorkflowChangedSubscriptionVariables = Exact<{
  id?: InputMaybe<Scalars['ID']['input']>;
}>;


export type WorkflowChangedSubscription = { __typename?: 'Subscription', workflowChanged: { __typename?: 'Workflow', id: string, name: string, version: number, isActive: boolean } };

export const ExecutionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowExecution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"}},{"kind":"Field","name":{"kind":"Name","value":"run"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"exitReason"}},{"kind":"Field","name":{"kind":"Name","value":"exitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outputs"}}]}}]} as unknown as DocumentNode<ExecutionFieldsFragment, unknown>;
export const StepFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"onError"}}]}}]} as unknown as DocumentNode<StepFieldsFragment, unknown>;
export const WorkflowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workflow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"default"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"onError"}}]}}]} as unknown as DocumentNode<WorkflowFieldsFragment, unknown>;
export const CreateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}}]}}]} as unknown as DocumentNode<CreateClientMutation, CreateClientMutationVariables>;
export const TriggerWorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TriggerWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"data"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Map"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"data"},"value":{"kind":"Variable","name":{"kind":"Name","value":"data"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExecutionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowExecution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"}},{"kind":"Field","name":{"kind":"Name","value":"run"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"exitReason"}},{"kind":"Field","name":{"kind":"Name","value":"exitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outputs"}}]}}]} as unknown as DocumentNode<TriggerWorkflowMutation, TriggerWorkflowMutationVariables>;
export const GetExecutionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetExecution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"logs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowExecution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExecutionFields"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"logs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepIndex"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"stepKey"}},{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"run"}},{"kind":"Field","name":{"kind":"Name","value":"actionType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"inputData"}},{"kind":"Field","name":{"kind":"Name","value":"outputData"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowExecution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"}},{"kind":"Field","name":{"kind":"Name","value":"run"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"exitReason"}},{"kind":"Field","name":{"kind":"Name","value":"exitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outputs"}}]}}]} as unknown as DocumentNode<GetExecutionQuery, GetExecutionQueryVariables>;
export const CancelExecutionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelExecution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelExecution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExecutionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowExecution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"}},{"kind":"Field","name":{"kind":"Name","value":"run"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"exitReason"}},{"kind":"Field","name":{"kind":"Name","value":"exitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outputs"}}]}}]} as unknown as DocumentNode<CancelExecutionMutation, CancelExecutionMutationVariables>;
export const RetryExecutionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryExecution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RetryFrom"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryExecution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExecutionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowExecution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"}},{"kind":"Field","name":{"kind":"Name","value":"run"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"exitReason"}},{"kind":"Field","name":{"kind":"Name","value":"exitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outputs"}}]}}]} as unknown as DocumentNode<RetryExecutionMutation, RetryExecutionMutationVariables>;
export const ExecutionUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExecutionUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workflowId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowExecutionStatus"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workflowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workflowId"}}},{"kind":"Argument","name":{"kind":"Name","value":"executionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExecutionFields"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowExecution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"}},{"kind":"Field","name":{"kind":"Name","value":"run"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"exitReason"}},{"kind":"Field","name":{"kind":"Name","value":"exitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outputs"}}]}}]} as unknown as DocumentNode<ExecutionUpdatedSubscription, ExecutionUpdatedSubscriptionVariables>;
export const ExecutionLogAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExecutionLogAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workflowId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionLogAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"executionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"workflowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workflowId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stepIndex"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"stepKey"}},{"kind":"Field","name":{"kind":"Name","value":"run"}},{"kind":"Field","name":{"kind":"Name","value":"actionType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}},{"kind":"Field","name":{"kind":"Name","value":"execution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ExecutionLogAddedSubscription, ExecutionLogAddedSubscriptionVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const ListWorkflowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListWorkflows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"onError"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workflow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"default"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListWorkflowsQuery, ListWorkflowsQueryVariables>;
export const GetWorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workflow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"onError"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workflow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"default"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetWorkflowQuery, GetWorkflowQueryVariables>;
export const CreateWorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWorkflowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"onError"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workflow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"default"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}},{"kind":"Field","name":{"kind":"Name","value":"then"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"else"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StepFields"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateWorkflowMutation, CreateWorkflowMutationVariables>;
export const ActivateWorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}}]}}]}}]} as unknown as DocumentNode<ActivateWorkflowMutation, ActivateWorkflowMutationVariables>;
export const SimulateWorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SimulateWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sample"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SimulationSampleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"simulateWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workflowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"sample"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sample"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerMatched"}},{"kind":"Field","name":{"kind":"Name","value":"conditionsPassed"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"renderedConfig"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<SimulateWorkflowQuery, SimulateWorkflowQueryVariables>;
export const WorkflowChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WorkflowChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflowChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}}]}}]} as unknown as DocumentNode<WorkflowChangedSubscription, WorkflowChangedSubscriptionVariables>;